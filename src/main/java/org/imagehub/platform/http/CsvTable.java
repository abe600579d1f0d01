package org.imagehub.platform.http;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * An answer that can also be sent as CSV ({@code Accept: text/csv}): its rows, one flat record each, with a header
 * line of the record's component names. The JSON form is the answer itself.
 */
public interface CsvTable {
    /** The rows and their type (the header needs it when there is no row). */
    record Rows(Class<? extends Record> type, List<? extends Record> rows) {
    }

    @JsonIgnore
    Rows csv();
}
