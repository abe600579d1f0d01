package org.imagehub.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV form of a report: columns in record order, a header even without rows, no cell a spreadsheet runs. */
class CsvTableWriterTests {
    record Row(String title, long events, Instant at) {
    }

    record Table(List<Row> rows) implements CsvTable {
        @Override
        public Rows csv() {
            return new Rows(Row.class, rows);
        }
    }

    private static String written(Table table) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MultivaluedHashMap<String, Object> headers = new MultivaluedHashMap<>();
        new CsvTableWriter().writeTo(table, Table.class, Table.class, null, null, headers, out);
        assertThat(headers.getFirst("Content-Type")).isEqualTo("text/csv; charset=utf-8; header=present");
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsWrittenAsText() throws IOException {
        String csv = written(new Table(List.of(new Row("=HYPERLINK(\"https://evil.example\",\"click\")", 3, Instant.parse("2026-11-30T08:00:00Z")),
                new Row("@SUM(A1)", -4, Instant.parse("2026-11-30T09:00:00Z")), new Row("Hội An, \"phố cổ\"", 5, Instant.parse("2026-11-30T10:00:00Z")))));
        assertThat(csv.lines().toList()).containsExactly(
                "title,events,at",
                "\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"click\"\")\",3,2026-11-30T08:00:00Z",
                "\"'@SUM(A1)\",-4,2026-11-30T09:00:00Z",
                "\"Hội An, \"\"phố cổ\"\"\",5,2026-11-30T10:00:00Z");
    }

    @Test
    void anEmptyReportStillHasItsHeader() throws IOException {
        assertThat(written(new Table(List.of()))).isEqualTo("title,events,at\n");
    }
}
