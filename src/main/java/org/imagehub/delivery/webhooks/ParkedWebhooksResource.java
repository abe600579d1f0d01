package org.imagehub.delivery.webhooks;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.security.CurrentActor;
import org.imagehub.security.Roles;

@Path("/api/v1/manage/webhook-deliveries")
@Tag(name = "Webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ParkedWebhooksResource {
    private final WebhookLog log;
    private final CurrentActor actor;

    public ParkedWebhooksResource(WebhookLog log, CurrentActor actor) {
        this.log = log;
        this.actor = actor;
    }

    @POST
    @Path("replay-parked")
    @Operation(summary = "Send every parked delivery again", description = "Of every subscription; disabled ones wait until re-enabled.")
    @APIResponse(responseCode = "202", description = "Queued; replayed counts them", content = @org.eclipse.microprofile.openapi.annotations.media.Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = WebhookLog.Replayed.class)))
    public Response replayAll() {
        return Response.accepted(new WebhookLog.Replayed(log.replayAllParked(actor.get()))).build();
    }
}
