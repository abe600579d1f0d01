package org.imagehub.platform.http;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a {@link CsvTable} as RFC 4180 CSV in UTF-8 with a header line. Instants and dates as ISO-8601 text, as in
 * the JSON form, so the two read the same. Reports go into spreadsheets: a text cell an editor wrote that a
 * spreadsheet would take for a formula (starting with =, +, -, @, a tab or a carriage return) gets a leading
 * apostrophe, so opening the file runs nothing.
 */
@Provider
@Produces(CsvTableWriter.TEXT_CSV)
public class CsvTableWriter implements MessageBodyWriter<CsvTable> {
    public static final String TEXT_CSV = "text/csv";

    private static final CsvMapper MAPPER = csvMapper();
    private final Map<Class<?>, ObjectWriter> writers = new ConcurrentHashMap<>();

    private static CsvMapper csvMapper() {
        CsvMapper mapper = new CsvMapper();
        mapper.findAndRegisterModules();
        mapper.disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("csv-text-cells").addSerializer(String.class, new TextCell()));
        return mapper;
    }

    /** A text cell that cannot start a formula. */
    static final class TextCell extends com.fasterxml.jackson.databind.ser.std.StdSerializer<String> {
        TextCell() {
            super(String.class);
        }

        static String defused(String text) {
            return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        }

        @Override
        public void serialize(String text, com.fasterxml.jackson.core.JsonGenerator out, com.fasterxml.jackson.databind.SerializerProvider provider)
                throws IOException {
            out.writeString(defused(text));
        }
    }

    /** Columns in the record's own order (Jackson's schemaFor would sort them), with a header line. */
    private static ObjectWriter writerFor(Class<?> rowType) {
        CsvSchema.Builder columns = CsvSchema.builder();
        for (java.lang.reflect.RecordComponent component : rowType.getRecordComponents()) {
            columns.addColumn(component.getName());
        }
        return MAPPER.writer(columns.build().withHeader()).without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return CsvTable.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(CsvTable table, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        headers.putSingle("Content-Type", TEXT_CSV + "; charset=utf-8; header=present");
        CsvTable.Rows rows = table.csv();
        writers.computeIfAbsent(rows.type(), CsvTableWriter::writerFor).writeValues(out).writeAll(rows.rows()).close();
    }
}
