package org.imagehub.security.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

public record AuditEntryView(long id, Instant at, String actor, String organisation, String action, String targetType, String targetId,
        Long revision, String requestId, JsonNode details) {
}
