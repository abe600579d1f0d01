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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.platform.http.Bodies;
import org.imagehub.platform.http.Created;
import org.imagehub.platform.http.EntityTags;
import org.imagehub.security.CurrentEditor;
import org.imagehub.security.Roles;

@Path("/api/v1/manage/key-messages")
@Tag(name = "Key messages", description = "Approved talking points and their language coverage.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
public class KeyMessageResource {
    private final KeyMessageService keyMessages;
    private final CurrentEditor editor;

    public KeyMessageResource(KeyMessageService keyMessages, CurrentEditor editor) {
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
    @Operation(summary = "All key messages, active or not")
    public KeyMessageList list() {
        return new KeyMessageList(keyMessages.list(false), null);
    }

    @GET
    @Path("{code}")
    @Operation(summary = "One key message, with its ETag")
    public Response get(@PathParam("code") String code) {
        KeyMessageView view = keyMessages.get(code);
        return Response.ok(view).header(HttpHeaders.ETAG, EntityTags.of(view.version())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "Create an approved key message", description = "Honours Idempotency-Key.")
    public Response create(KeyMessageInput input, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Bodies.require(input);
        return Created.response(keyMessages.create(input, editor.get(), idempotencyKey), EntityTags.of(1));
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "Replace a key message's texts and validity", description = "Needs If-Match with the current ETag.")
    public Response update(@PathParam("code") String code, KeyMessageInput input, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Bodies.require(input);
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
