package org.imagehub.content.keymessage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.platform.http.ApiSchemas;
import org.imagehub.platform.http.Bodies;
import org.imagehub.platform.http.Created;
import org.imagehub.platform.http.EntityTags;
import org.imagehub.security.CurrentActor;
import org.imagehub.security.Roles;

@Path("/api/v1/manage/key-messages")
@Tag(name = "Key messages", description = "Approved talking points and their language coverage.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
public class KeyMessageResource {
    private final KeyMessageService keyMessages;
    private final CurrentActor editor;

    public KeyMessageResource(KeyMessageService keyMessages, CurrentActor editor) {
        this.keyMessages = keyMessages;
        this.editor = editor;
    }

    /** Every key message: one page, so {@code next} is always absent. */
    public record KeyMessageList(List<KeyMessageView> items, String next) {
    }

    /** The coverage of every active key message: one page, so {@code next} is always absent. */
    public record CoverageReport(List<KeyMessageCoverage> items, String next) {
    }

    @GET
    @Operation(summary = "All key messages, active or not", description = "With their validity window, owner and translations.")
    public KeyMessageList list() {
        return new KeyMessageList(keyMessages.list(false), null);
    }

    @GET
    @Path("{code}")
    @Operation(summary = "One key message, with its ETag", description = "The ETag is for If-Match on PUT.")
    @APIResponse(responseCode = "200", description = "The key message",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeyMessageView.class)))
    public Response get(@Parameter(description = "The key message's code", example = "km-reliable-partner", schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.CODE, maxLength = 80)) @PathParam("code") String code) {
        KeyMessageView view = keyMessages.get(code);
        return Response.ok(view).header(HttpHeaders.ETAG, EntityTags.of(view.version())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "Create an approved key message", description = "Honours Idempotency-Key; a code in use is 409.")
    @APIResponse(responseCode = "201", description = "Created; Location names it, ETag its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeyMessageView.class)))
    public Response create(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeyMessageInput.class),
                    examples = @ExampleObject(name = "example", value = "{\"code\": \"open-economy\", \"owner\": \"mofa\", \"validFrom\": \"2026-01-01T00:00:00Z\", \"validUntil\": \"2027-12-31T23:59:59Z\", \"translations\": {\"vi\": \"Một nền kinh tế mở\", \"fr\": \"Une économie ouverte\"}}"))) KeyMessageInput input,
            @Parameter(description = "Any unique text: a retry with the same key gets the first answer; reused for another request: 409", example = "6f1c2a8e-create-42", schema = @Schema(type = SchemaType.STRING, maxLength = 200)) @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Bodies.require(input);
        return Created.response(keyMessages.create(input, editor.get(), idempotencyKey), EntityTags.of(1));
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "Replace a key message's texts and validity", description = "Needs If-Match with the current ETag.")
    @APIResponse(responseCode = "200", description = "The key message as changed, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeyMessageView.class)))
    public Response update(@Parameter(description = "The key message's code", example = "km-reliable-partner", schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.CODE, maxLength = 80)) @PathParam("code") String code,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeyMessageInput.class),
                    examples = @ExampleObject(name = "example", value = "{\"code\": \"km-reliable-partner\", \"validUntil\": \"2027-12-31T23:59:59Z\", \"translations\": {\"vi\": \"Một nền kinh tế mở\", \"fr\": \"Une économie ouverte\", \"en\": \"An open economy\"}}"))) KeyMessageInput input,
            @Parameter(description = "The current ETag (428 without, 412 when stale)", required = true, example = "\"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Bodies.require(input);
        if (input.code() != null && !input.code().equals(code)) {
            throw ValidationException.of("code", "mismatch", "must equal the code in the path");
        }
        KeyMessageView view = keyMessages.update(code, input, ifMatch, editor.get());
        return Response.ok(view).header(HttpHeaders.ETAG, EntityTags.of(view.version())).build();
    }

    @GET
    @Path("/coverage")
    @Operation(summary = "Coverage report", description = "For each active key message: the target languages with published content carrying it, and those without.")
    public CoverageReport coverage() {
        return new CoverageReport(keyMessages.coverage(), null);
    }
}
