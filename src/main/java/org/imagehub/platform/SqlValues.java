package org.imagehub.platform;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Values of native query rows, whichever Java type the driver chose for them. */
public final class SqlValues {
    private SqlValues() {
    }

    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return (Instant) value;
    }

    /** A text[] column as a list (empty for null). */
    public static List<String> texts(Object value) {
        try {
            Object array = value instanceof Array sql ? sql.getArray() : value;
            return array == null ? List.of() : List.of((String[]) array);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read a text[] column", e);
        }
    }
}
