package org.imagehub.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import org.imagehub.security.Actor;
import org.imagehub.security.audit.AuditLog;

/** Audits the admins' search actions (each in its own short transaction, after the work is done). */
@ApplicationScoped
public class SearchAdmin {
    private final AuditLog audit;

    public SearchAdmin(AuditLog audit) {
        this.audit = audit;
    }

    @Transactional
    public void audited(Actor actor, String action, Map<String, ?> details) {
        audit.record(actor, new AuditLog.Write(action, "search-index", "stories", null, details));
    }
}
