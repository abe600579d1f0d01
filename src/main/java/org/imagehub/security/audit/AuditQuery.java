package org.imagehub.security.audit;

import java.time.Instant;

/** Filters of the audit log; null means "any". */
public record AuditQuery(String actor, String organisation, String action, String targetId, Instant since, Instant until) {
}
