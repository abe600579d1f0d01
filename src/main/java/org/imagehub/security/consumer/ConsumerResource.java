package org.imagehub.security.consumer;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.platform.http.Bodies;
import org.imagehub.platform.http.Created;
import org.imagehub.platform.http.EntityTags;
import org.imagehub.security.CurrentActor;
import org.imagehub.security.Roles;

@Path("/api/v1/manage/consumers")
@Tag(name = "Consumers and API keys", description = "API clients, what they may see, and their keys. Admins only.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ConsumerResource {
    private final ConsumerService consumers;
    private final CurrentActor editor;

    public ConsumerResource(ConsumerService consumers, CurrentActor editor) {
        this.consumers = consumers;
        this.editor = editor;
    }

    /** Every consumer: one page, so {@code next} is always absent. */
    public record ConsumerList(List<ConsumerView> items, String next) {
    }

    /** Every key of a consumer: one page, so {@code next} is always absent. */
    public record KeyList(List<ApiKeyView> items, String next) {
    }

    @GET
    @Operation(summary = "All consumers", description = "Each with its access restrictions and rate limit (keys are listed per consumer).")
    public ConsumerList list() {
        return new ConsumerList(consumers.all(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a consumer", description = "Then issue it a key with POST /{id}/keys. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Created; Location names it, ETag its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsumerView.class)))
    public Response create(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsumerInput.class),
                    examples = @ExampleObject(name = "example", value = "{\"name\": \"Embassy in France website\", \"kind\": \"embassy-site\", \"organisation\": \"embassy-fr\", \"scopes\": [\"content:read\"], \"languages\": [\"fr\", \"en\"], \"topics\": [\"diplomacy\"], \"countries\": [\"FR\"], \"requestsPerMinute\": 600, \"active\": true}"))) ConsumerInput input,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return Created.response(consumers.create(Bodies.require(input), editor.get(), idempotencyKey), EntityTags.of(1));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One consumer, with its ETag", description = "The ETag is for If-Match on PUT.")
    @APIResponse(responseCode = "200", description = "The consumer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsumerView.class)))
    public Response get(@Parameter(description = "The consumer's id", example = "cs_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") @PathParam("id") String id) {
        ConsumerView view = consumers.get(id);
        return Response.ok(view).header(HttpHeaders.ETAG, EntityTags.of(view.version())).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a consumer's access", description = "Needs If-Match with the consumer's ETag.")
    @APIResponse(responseCode = "200", description = "The consumer as changed, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsumerView.class)))
    public Response update(@Parameter(description = "The consumer's id", example = "cs_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") @PathParam("id") String id,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsumerInput.class),
                    examples = @ExampleObject(name = "example", value = "{\"name\": \"Embassy in France website\", \"kind\": \"embassy-site\", \"organisation\": \"embassy-fr\", \"scopes\": [\"content:read\"], \"languages\": [\"fr\", \"en\"], \"topics\": [\"diplomacy\"], \"countries\": [\"FR\"], \"requestsPerMinute\": 600, \"active\": true}"))) ConsumerInput input,
            @Parameter(description = "The current ETag (428 without, 412 when stale)", required = true, example = "\"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        ConsumerView view = consumers.update(id, Bodies.require(input), ifMatch, editor.get());
        return Response.ok(view).header(HttpHeaders.ETAG, EntityTags.of(view.version())).build();
    }

    @POST
    @Path("{id}/keys")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue a key", description = "The answer is the only time the key is shown: the hub keeps only its hash. "
            + "Without expiresAt the key expires in a year; at most three years. Honours Idempotency-Key: a retry issues no "
            + "second key and answers the first one's id, hint and expiry without the key.")
    @APIResponse(responseCode = "201", description = "The key, shown this once (Cache-Control: no-store)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuedKey.class)))
    public Response issueKey(@Parameter(description = "The consumer's id", example = "cs_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") @PathParam("id") String id,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeyRequest.class),
                    examples = @ExampleObject(name = "example", value = "{\"expiresAt\": \"2027-06-30T00:00:00Z\"}"))) KeyRequest request,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return Response.fromResponse(Created.response(consumers.issueKey(id, request, editor.get(), idempotencyKey), null))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @Path("{id}/keys")
    @Operation(summary = "The consumer's keys (hint, expiry, revocation, last use; never the key)",
            description = "The hint is the key's first characters, enough to tell keys apart.")
    public KeyList keys(@Parameter(description = "The consumer's id", example = "cs_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") @PathParam("id") String id) {
        return new KeyList(consumers.keys(id), null);
    }

    @DELETE
    @Path("{id}/keys/{keyId}")
    @Operation(summary = "Revoke a key", description = "Takes effect at once on this replica, within hub.security.verified-key-cache-time on others.")
    public ApiKeyView revoke(@Parameter(description = "The consumer's id", example = "cs_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") @PathParam("id") String id,
            @Parameter(description = "The key's id (not the key)", example = "key_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") @PathParam("keyId") String keyId) {
        return consumers.revokeKey(id, keyId, editor.get());
    }
}
