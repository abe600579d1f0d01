package org.imagehub.security.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imagehub.platform.Json;
import org.imagehub.platform.paging.Cursors;

/** Reads the audit log for admins, newest first, with filters and cursor paging. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AuditReader {
    private final Cursors cursors;
    private final Json json;

    public AuditReader(Cursors cursors, Json json) {
        this.cursors = cursors;
        this.json = json;
    }

    public record Page(List<AuditEntryView> items, String next) {
    }

    public Page read(AuditQuery filter, String cursor, int limit) {
        StringBuilder query = new StringBuilder("from AuditEntry e where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        equal(query, parameters, "actor", filter.actor());
        equal(query, parameters, "organisation", filter.organisation());
        equal(query, parameters, "action", filter.action());
        equal(query, parameters, "targetId", filter.targetId());
        if (filter.since() != null) {
            query.append(" and e.at >= :since");
            parameters.put("since", filter.since());
        }
        if (filter.until() != null) {
            query.append(" and e.at < :until");
            parameters.put("until", filter.until());
        }
        if (cursor != null) {
            String[] position = cursors.decode(cursor, "audit", "cursor");
            query.append(" and (e.at < :at or (e.at = :at and e.id < :id))");
            parameters.put("at", Instant.parse(position[0]));
            parameters.put("id", Long.parseLong(position[1]));
        }
        query.append(" order by e.at desc, e.id desc");
        List<AuditEntry> entries = AuditEntry.find(query.toString(), parameters).page(0, limit + 1).list();
        boolean more = entries.size() > limit;
        List<AuditEntry> page = more ? entries.subList(0, limit) : entries;
        String next = more ? cursors.encode("audit", page.get(page.size() - 1).at.toString(), page.get(page.size() - 1).id.toString()) : null;
        return new Page(page.stream().map(this::view).toList(), next);
    }

    private static void equal(StringBuilder query, Map<String, Object> parameters, String field, String value) {
        if (value != null) {
            query.append(" and e.").append(field).append(" = :").append(field);
            parameters.put(field, value);
        }
    }

    private AuditEntryView view(AuditEntry entry) {
        return new AuditEntryView(entry.id, entry.at, entry.actor, entry.organisation, entry.action, entry.targetType, entry.targetId,
                entry.revision, entry.requestId, json.read(entry.detailsJson));
    }
}
