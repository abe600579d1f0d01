package org.imagehub.content.keymessage;

import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record KeyMessageView(@Schema(example = "km-reliable-partner") String code, String owner, Instant validFrom, Instant validUntil, Map<String, String> translations,
        boolean active, long version) {
}
