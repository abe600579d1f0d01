package org.imagehub.delivery.webhooks;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.platform.http.Bodies;
import org.imagehub.platform.http.EntityTags;
import org.imagehub.platform.http.QueryParams;
import org.imagehub.security.Actor;
import org.imagehub.security.consumer.ConsumerApi;
import org.imagehub.security.consumer.CurrentConsumer;
import org.imagehub.security.consumer.Scopes;

/** A consumer manages its own subscriptions with a key that has the webhooks:manage scope; the rules are the admins'. */
@Path("/api/v1/consumer/webhooks")
@Tag(name = "Consumer", description = "The calling consumer, as its API key identifies it.")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "apiKey")
@ConsumerApi(scope = Scopes.WEBHOOKS_MANAGE)
public class OwnWebhookResource {
    private final WebhookSubscriptions subscriptions;
    private final WebhookLog log;
    private final CurrentConsumer consumer;

    public OwnWebhookResource(WebhookSubscriptions subscriptions, WebhookLog log, CurrentConsumer consumer) {
        this.subscriptions = subscriptions;
        this.log = log;
        this.consumer = consumer;
    }

    private String self() {
        return consumer.get().consumerId();
    }

    /** The audit log names the consumer as the actor of its own changes. */
    private Actor actor() {
        return new Actor("consumer:" + self(), null, Set.of(), false);
    }

    @GET
    @Operation(summary = "This consumer's webhook subscriptions", description = "Needs the webhooks:manage scope; never shows secrets.")
    public WebhookResource.SubscriptionList list() {
        return new WebhookResource.SubscriptionList(subscriptions.list(self()), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe a receiver of this consumer", description = "As the admins' POST: the secret is shown once, filters stay within "
            + "what the key may read, and the URL must pass the SSRF rules.")
    @APIResponse(responseCode = "201", description = "The subscription and its secret (Cache-Control: no-store)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionSecret.class)))
    public Response create(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubscriptionInput.class))) SubscriptionInput input) {
        SubscriptionSecret created = subscriptions.create(self(), Bodies.require(input), actor());
        return Response.created(URI.create("/api/v1/consumer/webhooks/" + created.subscription().id())).entity(created)
                .header(HttpHeaders.ETAG, EntityTags.of(created.subscription().version())).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change one of this consumer's subscriptions", description = "Needs If-Match (the ETag of the subscription).")
    @APIResponse(responseCode = "200", description = "The subscription as changed, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionView.class)))
    public Response update(@Parameter(description = "The subscription's id", example = "01JD8X6M3V9Q2W7R5T4Y1K0ZPB") @PathParam("id") String id,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubscriptionInput.class))) SubscriptionInput input,
            @Parameter(description = "The current ETag (428 without, 412 when stale)", required = true, example = "\"v3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        SubscriptionView view = subscriptions.update(self(), id, Bodies.require(input), ifMatch, actor());
        return Response.ok(view).header(HttpHeaders.ETAG, EntityTags.of(view.version())).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove one of this consumer's subscriptions", description = "Needs If-Match.")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response delete(@Parameter(description = "The subscription's id", example = "01JD8X6M3V9Q2W7R5T4Y1K0ZPB") @PathParam("id") String id,
            @Parameter(description = "The current ETag (428 without, 412 when stale)", required = true, example = "\"v3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        subscriptions.delete(self(), id, ifMatch, actor());
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "The delivery log of one of this consumer's subscriptions", description = "As the admins' delivery log.")
    public WebhookLog.DeliveryPage deliveries(@Parameter(description = "The subscription's id", example = "01JD8X6M3V9Q2W7R5T4Y1K0ZPB") @PathParam("id") String id,
            @Parameter(description = "pending, delivered or parked", example = "parked") @QueryParam("status") String status,
            @Parameter(description = "From the previous page's next") @QueryParam("cursor") String cursor) {
        return log.deliveries(self(), id, status, cursor, 20);
    }

    @POST
    @Path("{id}/ping")
    @Operation(summary = "Send a test.ping to one of this consumer's receivers", description = "Queued like any delivery.")
    @APIResponse(responseCode = "202", description = "Queued; deliveryId names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookLog.Queued.class)))
    public Response ping(@Parameter(description = "The subscription's id", example = "01JD8X6M3V9Q2W7R5T4Y1K0ZPB") @PathParam("id") String id) {
        return Response.accepted(new WebhookLog.Queued(log.ping(self(), id))).build();
    }

    @POST
    @Path("{id}/deliveries/replay-parked")
    @Operation(summary = "Send this subscription's parked deliveries again", description = "Those made in [from, to); both optional.")
    @APIResponse(responseCode = "202", description = "Queued; replayed counts them",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookLog.Replayed.class)))
    public Response replayParked(@Parameter(description = "The subscription's id", example = "01JD8X6M3V9Q2W7R5T4Y1K0ZPB") @PathParam("id") String id,
            @Parameter(description = "ISO-8601 instant", example = "2026-11-30T00:00:00Z") @QueryParam("from") String from,
            @Parameter(description = "ISO-8601 instant", example = "2026-12-01T00:00:00Z") @QueryParam("to") String to) {
        return Response.accepted(new WebhookLog.Replayed(log.replayParked(self(), id, QueryParams.optionalInstant(from, "query.from"),
                QueryParams.optionalInstant(to, "query.to"), actor()))).build();
    }
}
