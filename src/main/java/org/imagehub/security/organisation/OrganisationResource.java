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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.platform.http.Bodies;
import org.imagehub.platform.http.Created;
import org.imagehub.security.CurrentEditor;
import org.imagehub.security.Roles;

@Path("/api/v1/manage/organisations")
@Tag(name = "Organisations", description = "Ministries, provinces, embassies, news agencies and partner outlets.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CONTRIBUTOR, Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
public class OrganisationResource {
    private final OrganisationService organisations;
    private final CurrentEditor editor;

    public OrganisationResource(OrganisationService organisations, CurrentEditor editor) {
        this.organisations = organisations;
        this.editor = editor;
    }

    /** Every organisation: one page, so {@code next} is always absent. */
    public record OrganisationList(List<OrganisationView> items, String next) {
    }

    @GET
    @Operation(summary = "All organisations")
    public OrganisationList list() {
        return new OrganisationList(organisations.all(), null);
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register or change an organisation",
            description = "A change needs If-Match with the organisation's ETag (428 without, 412 when stale). Honours Idempotency-Key.")
    public Response save(@PathParam("code") String code, OrganisationInput input, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        OrganisationService.Saved saved = organisations.save(code, Bodies.require(input), ifMatch, idempotencyKey, editor.get());
        return Created.response(saved.answer(), saved.etag());
    }
}
