package org.imagehub.platform;

import jakarta.persistence.Query;

/** Binds positional parameters ?1, ?2… of a native query in order. */
public final class NativeSql {
    private NativeSql() {
    }

    public static Query bind(Query query, Object... parameters) {
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }
}
