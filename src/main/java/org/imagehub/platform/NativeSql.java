package org.imagehub.platform;

import jakarta.persistence.Query;

/**
 * Binds positional parameters ?1, ?2… of a native query in order: the one way the hub binds native SQL (JPQL uses
 * positional ?1 too, never named parameters). An array bound as the only parameter must be cast to {@code Object},
 * or Java passes its elements as the parameters.
 */
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
