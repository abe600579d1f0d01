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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.content.text.LanguageTags;
import org.imagehub.platform.HubConfig;
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
    private final HubConfig config;

    public FeedResource(FeedService feeds, ListFilters filters, CurrentConsumer consumer, HubConfig config) {
        this.feeds = feeds;
        this.filters = filters;
        this.consumer = consumer;
        this.config = config;
    }

    @GET
    @Path("{lang}.{format:rss|atom|json}")
    @Produces({"application/rss+xml", "application/atom+xml", "application/feed+json"})
    @Operation(summary = "The newest published stories in one language as a feed", description = "`.rss`, `.atom` or `.json`; ?topic= or ?type= narrow it.")
    public Response feed(@Context UriInfo uri, @PathParam("lang") String lang, @PathParam("format") String format, @QueryParam("topic") String topic,
            @QueryParam("type") String type, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        DeliveryQueryParams.requireOnly(uri.getQueryParameters(), Set.of("topic", "type"));
        filters.valid(type, topic, null, null, null);
        CachedAnswer answer = feeds.feed(LanguageTags.canonical(lang, "path.lang"), FeedService.Format.valueOf(format.toUpperCase(java.util.Locale.ROOT)),
                topic, type, consumer.get());
        return DeliveryResponses.send(answer, ifNoneMatch, config);
    }
}
