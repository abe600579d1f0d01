package org.imagehub.delivery.read;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import org.imagehub.platform.NativeSql;

/** A native query built clause by clause, with its positional parameters kept in step. */
final class SqlQuery {
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    /** Appends {@code text}, numbering its bare {@code ?} placeholders in order for {@code values}. */
    SqlQuery append(String text, Object... values) {
        int from = 0;
        for (Object value : values) {
            int mark = text.indexOf('?', from);
            if (mark < 0) {
                throw new IllegalArgumentException("More values than placeholders in: " + text);
            }
            parameters.add(value);
            // Scanned, not replaced by a regular expression: a list query appends twenty values, on every request.
            sql.append(text, from, mark).append('?').append(parameters.size());
            from = mark + 1;
        }
        sql.append(text, from, text.length());
        return this;
    }

    @SuppressWarnings("unchecked")
    List<Object[]> rows(EntityManager entityManager) {
        Query query = NativeSql.bind(entityManager.createNativeQuery(sql.toString()), parameters.toArray());
        List<Object[]> rows = new ArrayList<>();
        for (Object row : query.getResultList()) {
            rows.add(row instanceof Object[] columns ? columns : new Object[] {row});
        }
        return rows;
    }
}
