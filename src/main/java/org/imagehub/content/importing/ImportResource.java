package org.imagehub.content.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.content.story.StoryInput;
import org.imagehub.platform.http.RequestLimitsFilter;
import org.imagehub.security.CurrentActor;
import org.imagehub.security.Actor;
import org.imagehub.security.Roles;

@Path("/api/v1/manage/imports/stories")
@Tag(name = "Import", description = "Bulk import of stories from NDJSON.")
@RolesAllowed({Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
public class ImportResource {
    private final StoryImporter importer;
    private final CurrentActor editor;
    private final ObjectMapper objectMapper;

    public ImportResource(StoryImporter importer, CurrentActor editor, ObjectMapper objectMapper) {
        this.importer = importer;
        this.editor = editor;
        this.objectMapper = objectMapper;
    }

    @POST
    @Consumes(RequestLimitsFilter.NDJSON)
    @Produces(RequestLimitsFilter.NDJSON)
    @Operation(summary = "Import stories from NDJSON",
            description = "One story (with its localizations) per line, matched by externalId: a repeated import updates or leaves "
                    + "stories unchanged instead of duplicating them. Answers as it goes: one result per line ({line, externalId, "
                    + "status, id, detail, errors}), in line order, then a last line {totals: {created, updated, unchanged, failed}}. "
                    + "A bad line does not stop the batch; after hub.limits.import-max-failed-lines failed lines (default 10000) the "
                    + "import stops and the last line also says where and why ({stopped: {afterLine, detail}}).")
    @APIResponse(responseCode = "200", description = "NDJSON: one ImportLineResult per input line, then one ImportTotals line. Each line "
            + "is one of these schemas.", content = @Content(mediaType = RequestLimitsFilter.NDJSON,
                    schema = @Schema(oneOf = {ImportResult.class, ImportSummary.class}),
                    examples = @ExampleObject(name = "answer", value = "{\"line\":1,\"externalId\":\"cms-42\",\"status\":\"created\",\"id\":\"st_01JD8X6M3V9Q2W7R5T4Y1K0ZPA\"}\n"
                            + "{\"totals\":{\"created\":1,\"updated\":0,\"unchanged\":0,\"failed\":0}}\n")))
    public Response importStories(@RequestBody(required = true, description = "NDJSON: one StoryInput (with externalId) per line; the schema "
            + "is that of a line", content = @Content(mediaType = RequestLimitsFilter.NDJSON, schema = @Schema(implementation = StoryInput.class),
            examples = @ExampleObject(name = "two stories", value = "{\"externalId\": \"cms-42\", \"type\": \"article\", \"localizations\": "
                    + "[{\"lang\": \"fr\", \"title\": \"Le Vietnam et la France\"}]}\n"
                    + "{\"externalId\": \"cms-43\", \"type\": \"article\", \"localizations\": [{\"lang\": \"en\", \"title\": \"Vietnam and France\"}]}\n")))
            InputStream body) {
        Actor who = editor.get();
        ObjectWriter writer = objectMapper.writer();
        // Streamed: the body is read line by line and each chunk's results are written out as it is done, so neither
        // the body nor the answer is ever held whole, whatever their size.
        StreamingOutput answer = out -> {
            ImportSummary summary = importer.importStories(body, who, result -> writeLine(out, writer, result));
            writeLine(out, writer, summary);
        };
        return Response.ok(answer, RequestLimitsFilter.NDJSON).build();
    }

    private static void writeLine(OutputStream out, ObjectWriter writer, Object line) {
        try {
            out.write(writer.writeValueAsBytes(line));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
