package org.imagehub.delivery.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.content.text.LanguageTags;
import org.imagehub.delivery.read.LanguagePreference;
import org.imagehub.delivery.read.ListFilter;
import org.imagehub.platform.HubConfig;
import org.imagehub.platform.http.QueryParams;
import org.imagehub.platform.paging.PageLimit;
import org.imagehub.security.consumer.ConsumerApi;
import org.imagehub.security.consumer.CurrentConsumer;

@Path("/api/v1/stories")
@Tag(name = "Delivery", description = "Published stories for embassy sites and partner outlets (API key).")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "apiKey")
@ConsumerApi
public class StoryDeliveryResource {
    private static final Set<String> LIST_PARAMETERS = Set.of("lang", "type", "topic", "country", "keyMessage", "updatedSince", "cursor", "limit");
    private static final Set<String> STORY_PARAMETERS = Set.of("lang");

    private final DeliveryService delivery;
    private final ListFilters filters;
    private final CurrentConsumer consumer;
    private final HubConfig config;

    public StoryDeliveryResource(DeliveryService delivery, ListFilters filters, CurrentConsumer consumer, HubConfig config) {
        this.delivery = delivery;
        this.filters = filters;
        this.consumer = consumer;
        this.config = config;
    }

    @GET
    @Operation(summary = "Published stories, newest first, each in the best language asked for",
            description = "Filters: type, topic, country, keyMessage, updatedSince (ISO-8601). Languages: ?lang=fr,en (strict chain) or "
                    + "Accept-Language (preference). Cursor paging: follow `next`.")
    public Response list(@Context UriInfo uri, @QueryParam("lang") String lang, @QueryParam("type") String type, @QueryParam("topic") String topic,
            @QueryParam("country") String country, @QueryParam("keyMessage") String keyMessage, @QueryParam("updatedSince") String updatedSince,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        DeliveryQueryParams.requireOnly(uri.getQueryParameters(), LIST_PARAMETERS);
        ListFilter filter = filters.valid(type, topic, country, keyMessage, QueryParams.optionalInstant(updatedSince, "query.updatedSince"));
        int pageSize = PageLimit.of(QueryParams.optionalInt(limit, "query.limit"), 20, config.limits().maxPageSize());
        Map<String, String> query = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((name, values) -> {
            if (!name.equals("cursor")) {
                query.put(name, values.get(0));
            }
        });
        CachedAnswer answer = delivery.list(filter, LanguagePreference.of(lang, acceptLanguage), cursor, pageSize, consumer.get(), query);
        return DeliveryResponses.send(answer, ifNoneMatch, config);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One published story in the negotiated language",
            description = "Content-Language says which language was served; otherLanguages (and Link hreflang) list the others.")
    public Response story(@Context UriInfo uri, @PathParam("id") String id, @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return one(uri, id, lang, acceptLanguage, ifNoneMatch, DeliveryService.Form.JSON);
    }

    @GET
    @Path("by-slug/{lang}/{slug}")
    @Operation(summary = "One published story addressed as a website URL does: language and slug")
    public Response bySlug(@Context UriInfo uri, @PathParam("lang") String lang, @PathParam("slug") String slug,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        DeliveryQueryParams.requireOnly(uri.getQueryParameters(), Set.of());
        CachedAnswer answer = delivery.storyBySlug(LanguageTags.canonical(lang, "path.lang"), slug, consumer.get());
        return DeliveryResponses.send(answer, ifNoneMatch, config);
    }

    @GET
    @Path("{id}/ninjs")
    @Operation(summary = "IPTC ninjs 2.1 of one published story in one language", description = "Language as for the story (?lang= or Accept-Language).")
    public Response ninjs(@Context UriInfo uri, @PathParam("id") String id, @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return one(uri, id, lang, acceptLanguage, ifNoneMatch, DeliveryService.Form.NINJS);
    }

    @GET
    @Path("{id}/jsonld")
    @Produces("application/ld+json")
    @Operation(summary = "schema.org NewsArticle JSON-LD of one published story (and ClaimReview for fact-checks)",
            description = "For pages that embed the story: put it in a script type=application/ld+json element.")
    public Response jsonLd(@Context UriInfo uri, @PathParam("id") String id, @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return one(uri, id, lang, acceptLanguage, ifNoneMatch, DeliveryService.Form.JSON_LD);
    }

    private Response one(UriInfo uri, String id, String lang, String acceptLanguage, String ifNoneMatch, DeliveryService.Form form) {
        DeliveryQueryParams.requireOnly(uri.getQueryParameters(), STORY_PARAMETERS);
        CachedAnswer answer = delivery.story(id, LanguagePreference.of(lang, acceptLanguage), consumer.get(), form);
        return DeliveryResponses.send(answer, ifNoneMatch, config);
    }
}
