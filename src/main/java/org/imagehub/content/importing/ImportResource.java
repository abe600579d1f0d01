package org.imagehub.content.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.platform.http.RequestLimitsFilter;
import org.imagehub.security.CurrentEditor;
import org.imagehub.security.Roles;

@Path("/api/v1/manage/imports/stories")
@Tag(name = "Import", description = "Bulk import of stories from NDJSON.")
@RolesAllowed({Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
public class ImportResource {
    private final StoryImporter importer;
    private final CurrentEditor editor;
    private final ObjectWriter lineWriter;

    public ImportResource(StoryImporter importer, CurrentEditor editor, ObjectMapper objectMapper) {
        this.importer = importer;
        this.editor = editor;
        this.lineWriter = objectMapper.writerFor(ImportResult.class);
    }

    private enum Counted { CREATED, UPDATED, UNCHANGED, FAILED }

    @POST
    @Consumes(RequestLimitsFilter.NDJSON)
    @Produces(RequestLimitsFilter.NDJSON)
    @Operation(summary = "Import stories from NDJSON",
            description = "One story (with its localizations) per line, matched by externalId: a repeated import updates or leaves "
                    + "stories unchanged instead of duplicating them. Answers one result per line; a bad line does not stop the batch. "
                    + "Totals are in the X-Import-* headers.")
    public Response importStories(InputStream body) throws IOException {
        StringBuilder out = new StringBuilder();
        Map<Counted, Integer> counts = new EnumMap<>(Counted.class);
        importer.importStories(body, editor.get(), result -> {
            counts.merge(Counted.valueOf(result.status().toUpperCase(java.util.Locale.ROOT)), 1, Integer::sum);
            try {
                out.append(lineWriter.writeValueAsString(result)).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Response.ResponseBuilder response = Response.ok(out.toString(), RequestLimitsFilter.NDJSON);
        for (Counted counted : Counted.values()) {
            response.header("X-Import-" + counted.name().charAt(0) + counted.name().substring(1).toLowerCase(java.util.Locale.ROOT),
                    counts.getOrDefault(counted, 0));
        }
        return response.build();
    }
}
