package org.imagehub.testing;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.imagehub.platform.http.RequestIds;

/**
 * Records every SQL statement Hibernate runs (HQL and native alike) on behalf of a request whose X-Request-Id starts
 * with {@link #PROBE}, so a test can tell how many database round trips one request made. Other requests pass untouched.
 */
@PersistenceUnitExtension
public class SqlStatements implements StatementInspector {
    public static final String PROBE = "sql-probe-";
    private static final Map<String, List<String>> BY_REQUEST = new ConcurrentHashMap<>();

    @Override
    public String inspect(String sql) {
        String request = RequestIds.current();
        if (request != null && request.startsWith(PROBE)) {
            BY_REQUEST.computeIfAbsent(request, id -> new CopyOnWriteArrayList<>()).add(sql);
        }
        return sql;
    }

    /** The statements run for the request with this id (none recorded: an empty list). */
    public static List<String> of(String requestId) {
        return List.copyOf(BY_REQUEST.getOrDefault(requestId, List.of()));
    }
}
