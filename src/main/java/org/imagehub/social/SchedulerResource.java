package org.imagehub.social;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.delivery.api.DeliveryQueryParams;
import org.imagehub.platform.HubConfig;
import org.imagehub.platform.Json;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.platform.http.ApiSchemas;
import org.imagehub.platform.http.QueryParams;
import org.imagehub.platform.paging.PageLimit;
import org.imagehub.security.consumer.ConsumerApi;
import org.imagehub.security.consumer.CurrentConsumer;
import org.imagehub.security.consumer.Scopes;
import org.imagehub.social.network.SocialNetworks;
import org.imagehub.social.scheduler.DueItem;
import org.imagehub.social.scheduler.Lease;
import org.imagehub.social.scheduler.SchedulerInputs;
import org.imagehub.social.scheduler.SchedulerService;
import org.imagehub.social.scheduler.Takedown;

@Path("/api/v1/social")
@Tag(name = "Social scheduling", description = "The scheduler's side (API key with scope social:schedule): due posts, claims, results, figures.")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "apiKey")
@ConsumerApi(scope = Scopes.SOCIAL_SCHEDULE)
public class SchedulerResource {
    static final Set<String> DUE_PARAMETERS = Set.of("from", "to", "network", "account", "cursor", "limit");

    private final SchedulerService scheduler;
    private final SocialNetworks networks;
    private final CurrentConsumer consumer;
    private final Json json;
    private final HubConfig config;
    private final java.time.Clock clock;

    public SchedulerResource(SchedulerService scheduler, SocialNetworks networks, CurrentConsumer consumer, Json json, HubConfig config,
            java.time.Clock clock) {
        this.clock = clock;
        this.scheduler = scheduler;
        this.networks = networks;
        this.consumer = consumer;
        this.json = json;
        this.config = config;
    }

    /** One page of due posts. */
    @Schema(name = "DuePage", requiredProperties = {"items"})
    public record DuePage(List<DueItem> items, @Schema(description = "The next page's address; absent on the last") String next) {
    }

    /** Whether a reading was new. */
    @Schema(name = "MetricsAnswer", requiredProperties = {"stored"})
    public record MetricsAnswer(@Schema(description = "false: the same reading was stored before", example = "true") boolean stored) {
    }

    /** Takedowns waiting. */
    @Schema(name = "TakedownList", requiredProperties = {"items"})
    public record TakedownList(List<Takedown> items) {
    }

    @GET
    @Path("due")
    @Operation(summary = "Posts due in a window, for the accounts this key posts for",
            description = "Approved posts scheduled in [from, to) that nobody holds: queued ones, and claimed ones whose lease lapsed. Breaking "
                    + "stories' posts first, then by time. from defaults to the beginning of time (overdue posts included), to to now. Each "
                    + "carries its final text, absolute media addresses and link. A post whose story is no longer live is held back.")
    @APIResponse(responseCode = "200", description = "A page of due posts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DuePage.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    public Response due(@Context UriInfo uri,
            @Parameter(description = "The ETag of a copy the client has: 304 when it is still current") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Parameter(description = "Scheduled at or after", example = ApiSchemas.INSTANT_EXAMPLE,
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("from") String from,
            @Parameter(description = "Scheduled before (default: now)", example = ApiSchemas.INSTANT_EXAMPLE,
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("to") String to,
            @Parameter(description = "Only this network's accounts", example = "x",
                    schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.FILTER_CODE, maxLength = 100)) @QueryParam("network") String network,
            @Parameter(description = "Only this account", example = "01jd8x6m3v9q2w7r5t4y1k0zpb",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 100)) @QueryParam("account") String account,
            @Parameter(description = "Opaque, signed: take it from `next`", schema = @Schema(type = SchemaType.STRING)) @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size (default 50)", example = "50",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = ApiSchemas.MAX_PAGE_SIZE)) @QueryParam("limit") String limit) {
        DeliveryQueryParams.requireOnly(uri.getQueryParameters(), DUE_PARAMETERS);
        Instant fromInstant = QueryParams.optionalInstant(from, "query.from");
        Instant toInstant = QueryParams.optionalInstant(to, "query.to");
        if (network != null && networks.find(network).isEmpty()) {
            throw ValidationException.of("query.network", "unknown-network", "no network '" + network + "'");
        }
        int pageSize = PageLimit.of(QueryParams.optionalInt(limit, "query.limit"), 50, config.limits().maxPageSize());
        SchedulerService.DuePage page = scheduler.due(consumer.get(), new SchedulerService.DueQuery(
                fromInstant == null ? Instant.EPOCH : fromInstant, toInstant == null ? Instant.now(clock) : toInstant, network, account, cursor, pageSize));
        String next = page.next() == null ? null : uri.getRequestUriBuilder().replaceQueryParam("cursor", page.next()).build().toString();
        return SocialResponses.revalidated(json.writeBytes(new DuePage(page.items(), next)), ifNoneMatch);
    }

    @POST
    @Path("posts/{id}/claim")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Claim a due post", description = "A lease: the post is yours until leaseUntil; report its result with the leaseId. "
            + "A post someone else holds is 409; a lapsed lease is offered to anyone again. The body is optional.")
    @APIResponse(responseCode = "200", description = "The lease and the post to publish",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Lease.class)))
    public Lease claim(@Parameter(description = "The post's id", example = "01jd8x6m3v9q2w7r5t4y1k0zpa") @PathParam("id") String id,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SchedulerInputs.Claim.class),
                    examples = @ExampleObject(name = "example", value = "{\"leaseSeconds\": 600}"))) SchedulerInputs.Claim claim) {
        return scheduler.claim(consumer.get(), id, claim);
    }

    @POST
    @Path("posts/{id}/result")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report what became of a post",
            description = "posted (with the network's id and address), failed (with the reason; a retryable failure is queued again), or "
                    + "taken-down (after a takedown request). posted and failed need the current leaseId. Repeating a result is harmless.")
    @APIResponse(responseCode = "204", description = "Recorded")
    public Response result(@Parameter(description = "The post's id", example = "01jd8x6m3v9q2w7r5t4y1k0zpa") @PathParam("id") String id,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SchedulerInputs.Result.class),
                    examples = @ExampleObject(name = "example", value = "{\"status\": \"posted\", \"leaseId\": \"ls_01jd8x6m3v9q2w7r5t4y1k0zpa\", "
                            + "\"externalId\": \"1862293423000000000\", \"externalUrl\": \"https://x.com/VietnamInFrance/status/1862293423000000000\"}")))
            SchedulerInputs.Result result) {
        scheduler.result(consumer.get(), id, result);
        return Response.noContent().build();
    }

    @POST
    @Path("posts/{id}/metrics")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report a posted post's figures",
            description = "Cumulative figures read from the network at one instant. The same reading again is accepted and stored once (200); "
                    + "other figures for the same instant are 409.")
    @APIResponse(responseCode = "201", description = "Stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MetricsAnswer.class)))
    @APIResponse(responseCode = "200", description = "This reading was stored before",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MetricsAnswer.class)))
    public Response metrics(@Parameter(description = "The post's id", example = "01jd8x6m3v9q2w7r5t4y1k0zpa") @PathParam("id") String id,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SchedulerInputs.Metrics.class),
                    examples = @ExampleObject(name = "example", value = "{\"at\": \"2026-11-23T12:00:00Z\", \"impressions\": 15300, \"reach\": 9100, "
                            + "\"clicks\": 412, \"shares\": 57, \"comments\": 23}"))) SchedulerInputs.Metrics metrics) {
        boolean stored = scheduler.metrics(consumer.get(), id, metrics);
        return Response.status(stored ? 201 : 200).entity(new MetricsAnswer(stored)).type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("takedowns")
    @Operation(summary = "Posts to take down", description = "Posts out on the networks whose story was withdrawn or corrected: delete them, "
            + "then report taken-down. Oldest request first, at most 500.")
    @APIResponse(responseCode = "200", description = "The takedowns waiting",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TakedownList.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    public Response takedowns(@Parameter(description = "The ETag of a copy the client has: 304 when it is still current")
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return SocialResponses.revalidated(json.writeBytes(new TakedownList(scheduler.takedowns(consumer.get()))), ifNoneMatch);
    }

    @GET
    @Path("networks")
    @Operation(summary = "The networks' posting rules", description = "One document per network, as stored in social-networks/.")
    @APIResponse(responseCode = "200", description = "The rules of every network",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SocialAccountResource.NetworkRulesList.class)))
    public SocialAccountResource.NetworkRulesList networks() {
        return SocialAccountResource.NetworkRulesList.of(networks);
    }
}
