package org.imagehub.content.keymessage;

import java.time.Instant;
import java.util.Map;

/** A key message as editors send it: the text in each language and the window in which it is to be carried. */
public record KeyMessageInput(String code, String owner, Instant validFrom, Instant validUntil, Map<String, String> translations) {
}
