package org.imagehub.security.consumer;

import java.util.Collection;
import java.util.Set;

/**
 * The topics a consumer's scope may name. Content owns topics and implements this, so that security (which
 * content depends on for actors and the audit log) does not depend on content in turn.
 */
public interface TopicDirectory {

    /** The given codes that name no topic. */
    Set<String> unknown(Collection<String> codes);
}
