package org.imagehub.security.organisation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.imagehub.platform.http.Bodies;
import org.imagehub.platform.http.Created;
import org.imagehub.security.CurrentActor;
import org.imagehub.security.Roles;

@Path("/api/v1/manage/organisations")
@Tag(name = "Organisations", description = "Ministries, provinces, embassies, news agencies and partner outlets.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CONTRIBUTOR, Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
public class OrganisationResource {
    private final OrganisationService organisations;
    private final CurrentActor editor;

    public OrganisationResource(OrganisationService organisations, CurrentActor editor) {
        this.organisations = organisations;
        this.editor = editor;
    }

    /** Every organisation: one page, so {@code next} is always absent. */
    public record OrganisationList(List<OrganisationView> items, String next) {
    }

    @GET
    @Operation(summary = "All organisations", description = "Every editor may list them (to pick an owner).")
    public OrganisationList list() {
        return new OrganisationList(organisations.all(), null);
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register or change an organisation",
            description = "A change needs If-Match with the organisation's ETag (428 without, 412 when stale). Honours Idempotency-Key.")
    @APIResponse(responseCode = "200", description = "Changed, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(responseCode = "201", description = "Registered, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganisationView.class)))
    public Response save(@Parameter(description = "The organisation's code", example = "embassy-fr",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[a-z0-9][a-z0-9-]{0,62}$")) @PathParam("code") String code,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganisationInput.class),
                    examples = @ExampleObject(name = "example", value = "{\"name\": \"Embassy in France\", \"kind\": \"embassy\", \"central\": false}"))) OrganisationInput input,
            @Parameter(description = "The current ETag; required to change an existing one (428 without, 412 when stale)", example = "\"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        OrganisationService.Saved saved = organisations.save(code, Bodies.require(input), ifMatch, idempotencyKey, editor.get());
        return Created.response(saved.answer(), saved.etag());
    }
}
