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

    SqlQuery append(String text, Object... values) {
        for (Object value : values) {
            parameters.add(value);
            text = text.replaceFirst("\\?(?![0-9])", "?" + parameters.size());
        }
        sql.append(text);
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
