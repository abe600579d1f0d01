package org.imagehub.analytics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.analytics.rollup.DailyRollup;
import org.imagehub.analytics.site.AnalyticsSites;
import org.imagehub.analytics.site.SiteInput;
import org.imagehub.analytics.site.SiteView;
import org.imagehub.platform.errors.NotFoundException;
import org.imagehub.platform.http.Bodies;
import org.imagehub.security.CurrentActor;
import org.imagehub.security.Roles;

@Path("/api/v1/manage/analytics")
@Tag(name = "Analytics", description = "Page views from embassy sites (a beacon with a site key of scope analytics:write).")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AnalyticsAdminResource {
    private final AnalyticsSites sites;
    private final DailyRollup rollup;
    private final CurrentActor admin;

    public AnalyticsAdminResource(AnalyticsSites sites, DailyRollup rollup, CurrentActor admin) {
        this.sites = sites;
        this.rollup = rollup;
        this.admin = admin;
    }

    @GET
    @Path("sites/{consumerId}")
    @Operation(summary = "A site's origins", description = "Where the consumer's site key may send page views from.")
    @APIResponse(responseCode = "200", description = "The site", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SiteView.class)))
    public SiteView site(@Parameter(description = "The site's consumer", example = "cs_01jd8x6m3v9q2w7r5t4y1k0zpa") @PathParam("consumerId") String consumerId) {
        return sites.get(consumerId).orElseThrow(() -> new NotFoundException("No site for consumer '" + consumerId + "'."));
    }

    @PUT
    @Path("sites/{consumerId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a site's origins", description = "The consumer needs scope analytics:write; https origins (http for localhost).")
    @APIResponse(responseCode = "200", description = "The site as set", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SiteView.class)))
    public SiteView saveSite(@Parameter(description = "The site's consumer", example = "cs_01jd8x6m3v9q2w7r5t4y1k0zpa") @PathParam("consumerId") String consumerId,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SiteInput.class),
                    examples = @ExampleObject(name = "example", value = "{\"origins\": [\"https://ambassade-vietnam.fr\"]}"))) SiteInput input) {
        Bodies.require(input);
        return sites.save(consumerId, input, admin.get());
    }

    @POST
    @Path("rollups")
    @Operation(summary = "Roll up now", description = "Rolls up the days that received events since the last roll-up (it also runs every "
            + "hub.analytics.rollup-interval); answers what it did.")
    @APIResponse(responseCode = "200", description = "What the run did", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DailyRollup.Run.class)))
    public DailyRollup.Run rollUp() {
        return rollup.run();
    }
}
