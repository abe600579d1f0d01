package org.imagehub.delivery.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.platform.text.LanguageTags;
import org.imagehub.delivery.format.JsonFeed;
import org.imagehub.platform.http.ApiSchemas;
import org.imagehub.security.consumer.ConsumerApi;
import org.imagehub.security.consumer.CurrentConsumer;

@Path("/api/v1/feeds")
@Tag(name = "Feeds", description = "RSS 2.0, Atom and JSON Feed 1.1 per language, optionally per topic or type (API key).")
@SecurityRequirement(name = "apiKey")
@ConsumerApi
public class FeedResource {
    private final FeedService feeds;
    private final ListFilters filters;
    private final CurrentConsumer consumer;
    private final DeliveryResponses responses;

    public FeedResource(FeedService feeds, ListFilters filters, CurrentConsumer consumer, DeliveryResponses responses) {
        this.feeds = feeds;
        this.filters = filters;
        this.consumer = consumer;
        this.responses = responses;
    }

    @GET
    @Path("{lang}.{format:rss|atom|json}")
    @Produces({"application/rss+xml", "application/atom+xml", "application/feed+json"})
    @Operation(summary = "The newest published stories in one language as a feed", description = "`.rss`, `.atom` or `.json`; ?topic= or ?type= narrow it.")
    @APIResponse(responseCode = "200", description = "The feed: RSS 2.0 (.rss), Atom (.atom) or JSON Feed 1.1 (.json)", content = {
            @Content(mediaType = "application/rss+xml", schema = @Schema(type = SchemaType.STRING, description = "RSS 2.0 XML")),
            @Content(mediaType = "application/atom+xml", schema = @Schema(type = SchemaType.STRING, description = "Atom XML (RFC 4287)")),
            @Content(mediaType = "application/feed+json", schema = @Schema(implementation = JsonFeed.class))})
    public Response feed(@Context UriInfo uri,
            @Parameter(description = "BCP 47 tag of the feed's language", example = "fr",
                    schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.LANGUAGE_TAG)) @PathParam("lang") String lang,
            @Parameter(description = "The feed format", example = "rss", schema = @Schema(enumeration = {"rss", "atom", "json"}))
            @PathParam("format") String format,
            @Parameter(description = "Only stories with this topic", example = "diplomacy",
                    schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.FILTER_CODE, maxLength = 100)) @QueryParam("topic") String topic,
            @Parameter(description = "Only stories of this content type", example = "article",
                    schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.CODE, maxLength = 100)) @QueryParam("type") String type,
            @Parameter(description = "The ETag of a copy the client has: 304 when it is still current")
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        DeliveryQueryParams.requireOnly(uri.getQueryParameters(), Set.of("topic", "type"));
        filters.valid(type, topic, null, null, null);
        String language = LanguageTags.canonical(lang, "path.lang");
        CachedAnswer answer = feeds.feed(language, FeedService.Format.valueOf(format.toUpperCase(java.util.Locale.ROOT)), topic, type, consumer.get());
        Response response = responses.send(answer, ifNoneMatch, acceptEncoding);
        if (response.getStatus() == Response.Status.OK.getStatusCode()) {
            feeds.countFetch(answer, language, consumer.get());
        }
        return response;
    }
}
