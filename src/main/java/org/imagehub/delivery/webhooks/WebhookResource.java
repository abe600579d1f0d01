package org.imagehub.delivery.webhooks;

import jakarta.annotation.security.RolesAllowed;
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
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.platform.http.Bodies;
import org.imagehub.platform.http.EntityTags;
import org.imagehub.platform.http.QueryParams;
import org.imagehub.security.CurrentActor;
import org.imagehub.security.Roles;

@Path("/api/v1/manage/consumers/{consumerId}/webhooks")
@Tag(name = "Webhooks", description = "Consumers' receivers: signed (Standard Webhooks), retried, logged. Admins only.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class WebhookResource {
    private static final int DEFAULT_PAGE = 20;

    private final WebhookSubscriptions subscriptions;
    private final WebhookLog log;
    private final CurrentActor actor;

    public WebhookResource(WebhookSubscriptions subscriptions, WebhookLog log, CurrentActor actor) {
        this.subscriptions = subscriptions;
        this.log = log;
        this.actor = actor;
    }

    /** Every subscription of the consumer: one page, so {@code next} is always absent. */
    public record SubscriptionList(List<SubscriptionView> items, String next) {
    }

    /** How long the previous secret keeps signing. */
    public record Rotation(@Schema(description = "0 to 604800; default hub.webhooks.secret-grace", example = "86400") Long graceSeconds) {
    }

    @GET
    @Operation(summary = "The consumer's webhook subscriptions", description = "Each with its filters and state; never the secret.")
    public SubscriptionList list(@Parameter(description = "The consumer's id", example = "cs_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") @PathParam("consumerId") String consumerId) {
        return new SubscriptionList(subscriptions.list(consumerId), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe a receiver", description = "The answer is the only time the signing secret is shown. The URL must be https "
            + "and must not resolve to a loopback, private, link-local or metadata address (400 naming the rule).")
    @APIResponse(responseCode = "201", description = "The subscription and its secret (Cache-Control: no-store)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionSecret.class)))
    public Response create(@Parameter(description = "The consumer's id", example = "cs_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") @PathParam("consumerId") String consumerId,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubscriptionInput.class))) SubscriptionInput input) {
        SubscriptionSecret created = subscriptions.create(consumerId, Bodies.require(input), actor.get());
        return Response.created(URI.create("/api/v1/manage/consumers/" + consumerId + "/webhooks/" + created.subscription().id()))
                .entity(created).header(HttpHeaders.ETAG, EntityTags.of(created.subscription().version()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One subscription, with its ETag", description = "The ETag is for If-Match on PUT and DELETE.")
    @APIResponse(responseCode = "200", description = "The subscription",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionView.class)))
    public Response get(@Parameter(description = "The consumer's id", example = "cs_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") @PathParam("consumerId") String consumerId, @Parameter(description = "The subscription's id", example = "01JD8X6M3V9Q2W7R5T4Y1K0ZPB") @PathParam("id") String id) {
        SubscriptionView view = subscriptions.get(consumerId, id);
        return Response.ok(view).header(HttpHeaders.ETAG, EntityTags.of(view.version())).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a subscription", description = "Needs If-Match. enabled: true re-enables one the hub disabled.")
    @APIResponse(responseCode = "200", description = "The subscription as changed, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionView.class)))
    public Response update(@Parameter(description = "The consumer's id", example = "cs_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") @PathParam("consumerId") String consumerId, @Parameter(description = "The subscription's id", example = "01JD8X6M3V9Q2W7R5T4Y1K0ZPB") @PathParam("id") String id,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubscriptionInput.class))) SubscriptionInput input,
            @Parameter(description = "The current ETag (428 without, 412 when stale)", required = true, example = "\"v3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        SubscriptionView view = subscriptions.update(consumerId, id, Bodies.require(input), ifMatch, actor.get());
        return Response.ok(view).header(HttpHeaders.ETAG, EntityTags.of(view.version())).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a subscription and its delivery log", description = "Needs If-Match.")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response delete(@Parameter(description = "The consumer's id", example = "cs_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") @PathParam("consumerId") String consumerId, @Parameter(description = "The subscription's id", example = "01JD8X6M3V9Q2W7R5T4Y1K0ZPB") @PathParam("id") String id,
            @Parameter(description = "The current ETag (428 without, 412 when stale)", required = true, example = "\"v3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        subscriptions.delete(consumerId, id, ifMatch, actor.get());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/rotate-secret")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rotate the signing secret", description = "The new secret is shown once; the previous one keeps signing for the grace "
            + "period, so both signatures are sent until the receiver has switched.")
    @APIResponse(responseCode = "200", description = "The new secret (Cache-Control: no-store)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionSecret.class)))
    public Response rotate(@Parameter(description = "The consumer's id", example = "cs_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") @PathParam("consumerId") String consumerId, @Parameter(description = "The subscription's id", example = "01JD8X6M3V9Q2W7R5T4Y1K0ZPB") @PathParam("id") String id, Rotation rotation) {
        Duration grace = rotation == null || rotation.graceSeconds() == null ? null : Duration.ofSeconds(rotation.graceSeconds());
        return Response.ok(subscriptions.rotateSecret(consumerId, id, grace, actor.get())).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @POST
    @Path("{id}/ping")
    @Operation(summary = "Send a test.ping", description = "Queued like any delivery; see it in the delivery log.")
    @APIResponse(responseCode = "202", description = "Queued; deliveryId names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookLog.Queued.class)))
    public Response ping(@Parameter(description = "The consumer's id", example = "cs_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") @PathParam("consumerId") String consumerId, @Parameter(description = "The subscription's id", example = "01JD8X6M3V9Q2W7R5T4Y1K0ZPB") @PathParam("id") String id) {
        return Response.accepted(new WebhookLog.Queued(log.ping(consumerId, id))).build();
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "The delivery log", description = "Newest first, each with every attempt: request and response headers, status, "
            + "timing and the start of the receiver's answer.")
    public WebhookLog.DeliveryPage deliveries(@Parameter(description = "The consumer's id", example = "cs_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") @PathParam("consumerId") String consumerId, @Parameter(description = "The subscription's id", example = "01JD8X6M3V9Q2W7R5T4Y1K0ZPB") @PathParam("id") String id,
            @Parameter(description = "pending, delivered or parked", example = "parked") @QueryParam("status") String status,
            @Parameter(description = "From the previous page's next") @QueryParam("cursor") String cursor,
            @Parameter(description = "1 to 100 (default 20)") @QueryParam("limit") String limit) {
        Integer size = QueryParams.optionalInt(limit, "query.limit");
        if (size != null && (size < 1 || size > 100)) {
            throw org.imagehub.platform.errors.ValidationException.of("query.limit", "out-of-range", "1 to 100");
        }
        return log.deliveries(consumerId, id, status, cursor, size == null ? DEFAULT_PAGE : size);
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/replay")
    @Operation(summary = "Send one delivery again", description = "Same webhook-id, a fresh retry window.")
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookLog.Replayed.class)))
    public Response replayOne(@Parameter(description = "The consumer's id", example = "cs_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") @PathParam("consumerId") String consumerId, @Parameter(description = "The subscription's id", example = "01JD8X6M3V9Q2W7R5T4Y1K0ZPB") @PathParam("id") String id, @Parameter(description = "The delivery's id (its webhook-id)", example = "msg_4711_fr_01JD8X6M3V9Q2W7R5T4Y1K0ZPB") @PathParam("deliveryId") String deliveryId) {
        return Response.accepted(new WebhookLog.Replayed(log.replayOne(consumerId, id, deliveryId, actor.get()))).build();
    }

    @POST
    @Path("{id}/deliveries/replay-parked")
    @Operation(summary = "Send the subscription's parked deliveries again", description = "Those made in [from, to); both optional.")
    @APIResponse(responseCode = "202", description = "Queued; replayed counts them",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookLog.Replayed.class)))
    public Response replayParked(@Parameter(description = "The consumer's id", example = "cs_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") @PathParam("consumerId") String consumerId, @Parameter(description = "The subscription's id", example = "01JD8X6M3V9Q2W7R5T4Y1K0ZPB") @PathParam("id") String id,
            @Parameter(description = "ISO-8601 instant", example = "2026-11-30T00:00:00Z") @QueryParam("from") String from,
            @Parameter(description = "ISO-8601 instant", example = "2026-12-01T00:00:00Z") @QueryParam("to") String to) {
        return Response.accepted(new WebhookLog.Replayed(log.replayParked(consumerId, id, QueryParams.optionalInstant(from, "query.from"),
                QueryParams.optionalInstant(to, "query.to"), actor.get()))).build();
    }
}
