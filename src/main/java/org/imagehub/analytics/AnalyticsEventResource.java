package org.imagehub.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
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
import org.imagehub.analytics.events.PageViewBatch;
import org.imagehub.analytics.events.PageViewInput;
import org.imagehub.analytics.events.PageViews;
import org.imagehub.analytics.events.VisitorHashes;
import org.imagehub.platform.errors.PayloadTooLargeException;
import org.imagehub.platform.http.Crawlers;
import org.imagehub.security.consumer.ConsumerApi;
import org.imagehub.security.consumer.ConsumerAccess;
import org.imagehub.security.consumer.CurrentConsumer;
import org.imagehub.security.consumer.Scopes;

@Path("/api/v1/analytics")
@Tag(name = "Analytics", description = "Page views from embassy sites (a beacon with a site key of scope analytics:write).")
public class AnalyticsEventResource {
    /** A hundred page views with long addresses fit in it. */
    static final int MAX_BODY_CHARS = 256 * 1024;
    private static final byte[] BEACON = beacon();

    private final PageViews pageViews;
    private final VisitorHashes visitors;
    private final CurrentConsumer consumer;
    private final ObjectMapper objectMapper;

    public AnalyticsEventResource(PageViews pageViews, VisitorHashes visitors, CurrentConsumer consumer, ObjectMapper objectMapper) {
        this.pageViews = pageViews;
        this.visitors = visitors;
        this.consumer = consumer;
        this.objectMapper = objectMapper;
    }

    /** What was received and what was new. */
    @Schema(name = "PageViewsAnswer", requiredProperties = {"received", "stored"})
    public record Answer(@Schema(example = "1") int received, @Schema(description = "New ones (a resent id is not stored twice)", example = "1") int stored) {
    }

    @GET
    @Path("beacon.js")
    @PermitAll
    @Produces("text/javascript")
    @Operation(summary = "The page-view beacon script", description = "Under 2 KB; no cookie, no local storage, no fingerprint: one "
            + "navigator.sendBeacon per page view with the story id, language and page address. A story's page includes it as an "
            + "async script element with the attributes data-key (the site key), data-story (the story id) and data-lang (its language).")
    @APIResponse(responseCode = "200", description = "The script", content = @Content(mediaType = "text/javascript",
            schema = @Schema(type = SchemaType.STRING, example = "(function (d, n) { ... })(document, navigator);")))
    public Response beaconScript() {
        return Response.ok(BEACON, "text/javascript; charset=utf-8").header(HttpHeaders.CACHE_CONTROL, "public, max-age=86400").build();
    }

    @POST
    @Path("events")
    @ConsumerApi(scope = Scopes.ANALYTICS_WRITE, keyInQuery = true)
    @SecurityRequirement(name = "apiKey")
    @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record page views", description = "From the key's site only: the request's Origin must be one of the site's origins "
            + "(PUT /api/v1/manage/analytics/sites/{consumerId}); the answer then allows that origin (CORS). The key may come as ?key= (a "
            + "beacon cannot set headers). One page view or {\"events\": [...]}; any bad event refuses all. Crawlers are answered and not "
            + "counted. No IP address or user agent is stored: a daily-salted hash counts distinct visitors within a day.")
    @APIResponse(responseCode = "202", description = "Recorded", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Answer.class)))
    public Response record(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(oneOf = {PageViewInput.class, PageViewBatch.class}),
                    examples = @ExampleObject(name = "example", value = "{\"id\": \"pv-6f1c2a8e4b3d41d0\", \"storyId\": \"st_01jd8x6m3v9q2w7r5t4y1k0zpa\", "
                            + "\"lang\": \"fr\", \"url\": \"https://ambassade-vietnam.fr/fr/actualites/cooperation\"}"))) String body,
            @Parameter(description = "The page's origin, as the browser sends it", example = "https://ambassade-vietnam.fr")
            @HeaderParam("Origin") String origin,
            @Parameter(description = "Not stored: tells crawlers apart and, hashed with the day's salt, visitors") @HeaderParam(HttpHeaders.USER_AGENT) String userAgent,
            @Parameter(description = "The site key, when not in X-Api-Key", example = "ihk_...") @QueryParam("key") String key)
            throws JsonProcessingException {
        if (body != null && body.length() > MAX_BODY_CHARS) {
            throw new PayloadTooLargeException("At most " + MAX_BODY_CHARS + " characters of page views in one request.");
        }
        ConsumerAccess site = consumer.get();
        List<PageViewInput> views = parse(body);
        // A crawler's views are checked like a person's, then not counted.
        String visitor = Crawlers.isPerson(userAgent) ? visitors.of(consumer.clientAddress(), userAgent) : null;
        int stored = pageViews.record(site, origin, views, visitor);
        return Response.accepted(new Answer(views.size(), stored)).type(MediaType.APPLICATION_JSON)
                .header("Access-Control-Allow-Origin", origin).header(HttpHeaders.VARY, "Origin").build();
    }

    private List<PageViewInput> parse(String body) throws JsonProcessingException {
        JsonNode node = objectMapper.readTree(body == null ? "" : body);
        if (node == null || !node.isObject()) {
            throw org.imagehub.platform.errors.ValidationException.of("body", "invalid", "one page view, or {\"events\": [...]}");
        }
        if (node.has("events")) {
            PageViewBatch batch = objectMapper.treeToValue(node, PageViewBatch.class);
            return batch.events() == null ? List.of() : batch.events();
        }
        return List.of(objectMapper.treeToValue(node, PageViewInput.class));
    }

    private static byte[] beacon() {
        try (InputStream in = AnalyticsEventResource.class.getResourceAsStream("/analytics/beacon.js")) {
            if (in == null) {
                throw new IllegalStateException("analytics/beacon.js is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
