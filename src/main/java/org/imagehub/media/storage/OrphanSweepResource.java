package org.imagehub.media.storage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.media.MediaConfig;
import org.imagehub.platform.http.Bodies;
import org.imagehub.security.Roles;

@Path("/api/v1/manage/media/orphan-sweeps")
@Tag(name = "Media library")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class OrphanSweepResource {
    private final OrphanSweep sweep;
    private final MediaConfig config;

    public OrphanSweepResource(OrphanSweep sweep, MediaConfig config) {
        this.sweep = sweep;
        this.config = config;
    }

    /** {@code repair}: also remove the orphan objects and have missing renditions made again (default: only report). */
    public record SweepRequest(@Schema(description = "Fix what is found, not only report it", example = "true") Boolean repair) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Compare object storage with the media library",
            description = "Admins. Reports objects no asset references (older than hub.media.orphan-grace), assets whose original is "
                    + "missing, assets whose renditions are missing, and unfinished multipart uploads under videos/ that no upload row knows "
                    + "(listed from storage); with `repair` removes those objects, aborts those uploads and makes the renditions again. The same sweep runs every hub.media.orphan-sweep-interval, repairing.")
    @APIResponse(responseCode = "200", description = "What was found",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrphanSweep.Report.class)))
    public OrphanSweep.Report run(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SweepRequest.class), examples = @ExampleObject(name = "repair", value = "{\"repair\": true}")))
            SweepRequest request) {
        return sweep.sweep(Boolean.TRUE.equals(Bodies.require(request).repair()), config.orphanGrace());
    }
}
