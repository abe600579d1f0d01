package org.imagehub.delivery.sync;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.delivery.api.CachedAnswer;
import org.imagehub.delivery.api.DeliveryResponses;
import org.imagehub.platform.HubConfig;
import org.imagehub.platform.Json;
import org.imagehub.platform.http.ApiSchemas;
import org.imagehub.platform.http.QueryParams;
import org.imagehub.platform.paging.PageLimit;
import org.imagehub.security.consumer.ConsumerApi;
import org.imagehub.security.consumer.CurrentConsumer;

@Path("/api/v1/sync")
@Tag(name = "Delta sync", description = "Mirror the published stories exactly: a snapshot, then changes and tombstones (API key).")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "apiKey")
@ConsumerApi
public class SyncResource {
    private final SyncService sync;
    private final CurrentConsumer consumer;
    private final Json json;
    private final HubConfig config;
    private final DeliveryResponses responses;

    public SyncResource(SyncService sync, CurrentConsumer consumer, Json json, HubConfig config, DeliveryResponses responses) {
        this.sync = sync;
        this.consumer = consumer;
        this.json = json;
        this.config = config;
        this.responses = responses;
    }

    @GET
    @Operation(summary = "A page of upserts and deletes since `token` (none: the full snapshot)",
            description = "Keep the `token` of every page. While `more` is true call again at once; when false, the mirror is current: "
                    + "call again later with that token. Deletes say why: withdrawn, expired, archived, embargoed or out-of-scope.")
    @APIResponse(responseCode = "200", description = "A page of changes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SyncService.Page.class)))
    public Response page(
            @Parameter(description = "The token of the previous page; none starts a full snapshot", schema = @Schema(type = SchemaType.STRING))
            @QueryParam("token") String token,
            @Parameter(description = "Changes per page (default hub.delivery.sync-page-size, 100)", example = "100",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = ApiSchemas.MAX_PAGE_SIZE)) @QueryParam("limit") String limit,
            @Parameter(description = "The ETag of a copy the client has: 304 when it is still current")
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        int pageSize = PageLimit.of(QueryParams.optionalInt(limit, "query.limit"), config.delivery().syncPageSize(), config.limits().maxPageSize());
        SyncService.Page page = sync.page(token, pageSize, consumer.get());
        return responses.send(CachedAnswer.of(json.write(page), MediaType.APPLICATION_JSON, Map.of()), ifNoneMatch, acceptEncoding);
    }
}
