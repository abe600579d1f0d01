package org.imagehub.content.keymessage;

import java.time.Instant;
import java.util.Map;

public record KeyMessageView(String code, String owner, Instant validFrom, Instant validUntil, Map<String, String> translations,
        boolean active, long version) {
}
