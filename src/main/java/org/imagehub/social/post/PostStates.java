package org.imagehub.social.post;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.imagehub.security.Actor;
import org.imagehub.social.events.SocialChanges;
import org.imagehub.social.events.SocialPostChanged;

/** Moves posts between states, every move audited and told to the outbox in the same transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PostStates {
    private final SocialChanges changes;
    private final Clock clock;

    public PostStates(SocialChanges changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    /** Moves the post to {@code to}; {@code action} names the event ({@code social-post.<action>}). */
    public void move(Actor actor, SocialPost post, PostState to, String action, String reason) {
        String from = post.state;
        post.state = to.value();
        post.updatedAt = Instant.now(clock);
        if (to == PostState.CANCELLED || to == PostState.TAKEDOWN_REQUESTED || to == PostState.DRAFT) {
            post.stateReason = reason;
        }
        // A claimed post that is cancelled keeps its lease id: its scheduler may have posted it already, and its
        // "posted" result must still be heard so that the post can be taken down.
        if (to != PostState.CLAIMED && !(to == PostState.CANCELLED && PostState.of(from) == PostState.CLAIMED)) {
            post.leaseId = null;
            post.leaseConsumer = null;
            post.leaseUntil = null;
        }
        Map<String, Object> details = new HashMap<>();
        details.put("from", from);
        details.put("to", to.value());
        if (reason != null) {
            details.put("reason", reason);
        }
        changes.record(actor, new SocialPostChanged(SocialChanges.meta(actor, post.updatedAt), post.id, post.accountId, post.storyId, post.lang,
                action, from, to.value(), reason), post.version, details);
    }

    /** A change that leaves the state as it is (created, edited, metrics): audited and told all the same. */
    public void record(Actor actor, SocialPost post, String action, String reason, Map<String, ?> details) {
        changes.record(actor, new SocialPostChanged(SocialChanges.meta(actor, Instant.now(clock)), post.id, post.accountId, post.storyId,
                post.lang, action, post.state, post.state, reason), post.version, details);
    }
}
