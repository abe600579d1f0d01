package org.imagehub.delivery.api;

import io.smallrye.mutiny.Uni;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.platform.text.LanguageTags;
import org.imagehub.delivery.format.NinjsItem;
import org.imagehub.delivery.read.LanguagePreference;
import org.imagehub.delivery.read.ListFilter;
import org.imagehub.platform.HubConfig;
import org.imagehub.platform.http.ApiSchemas;
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
    private final DeliveryResponses responses;

    public StoryDeliveryResource(DeliveryService delivery, ListFilters filters, CurrentConsumer consumer, HubConfig config, DeliveryResponses responses) {
        this.delivery = delivery;
        this.responses = responses;
        this.filters = filters;
        this.consumer = consumer;
        this.config = config;
    }

    @GET
    @Operation(summary = "Published stories, newest first, each in the best language asked for",
            description = "Filters: type, topic, country, keyMessage, updatedSince (ISO-8601). Languages: ?lang=fr,en (strict chain) or "
                    + "Accept-Language (preference). Cursor paging: follow `next`.")
    @APIResponse(responseCode = "200", description = "A page of story summaries, newest first by first publication",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StorySummaryPage.class)))
    public Uni<Response> list(@Context UriInfo uri,
            @Parameter(description = "Strict language chain, best first: only these languages are served", example = "fr,en",
                    schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.LANGUAGE_CHAIN)) @QueryParam("lang") String lang,
            @Parameter(description = "A content type of GET /api/v1/content-model", example = "article",
                    schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.CODE, maxLength = 100)) @QueryParam("type") String type,
            @Parameter(description = "A topic code", example = "diplomacy",
                    schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.FILTER_CODE, maxLength = 100)) @QueryParam("topic") String topic,
            @Parameter(description = "An ISO 3166-1 alpha-2 country code the story targets", example = "FR",
                    schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.COUNTRY, minLength = 2, maxLength = 2))
            @QueryParam("country") String country,
            @Parameter(description = "A key message code the story carries", example = "km-reliable-partner",
                    schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.FILTER_CODE, maxLength = 100))
            @QueryParam("keyMessage") String keyMessage,
            @Parameter(description = "Only stories changed at or after this instant", example = ApiSchemas.INSTANT_EXAMPLE,
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "Opaque, signed: take it from `next`", schema = @Schema(type = SchemaType.STRING))
            @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size (default 20)", example = "20",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = ApiSchemas.MAX_PAGE_SIZE)) @QueryParam("limit") String limit,
            @Parameter(description = "Language preference when lang is absent; any language will do after it", example = "fr-FR, en;q=0.8")
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @Parameter(description = "The ETag of a copy the client has: 304 when it is still current")
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        DeliveryQueryParams.requireOnly(uri.getQueryParameters(), LIST_PARAMETERS);
        ListFilter filter = filters.valid(type, topic, country, keyMessage, QueryParams.optionalInstant(updatedSince, "query.updatedSince"));
        int pageSize = PageLimit.of(QueryParams.optionalInt(limit, "query.limit"), 20, config.limits().maxPageSize());
        Map<String, String> query = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((name, values) -> {
            if (!name.equals("cursor")) {
                query.put(name, values.get(0));
            }
        });
        return delivery.list(filter, LanguagePreference.of(lang, acceptLanguage), cursor, pageSize, consumer.get(), query)
                .map(answer -> responses.send(answer, ifNoneMatch, acceptEncoding));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One published story in the negotiated language",
            description = "Content-Language says which language was served; otherLanguages (and Link hreflang) list the others.")
    @APIResponse(responseCode = "200", description = "The story, with up to five related stories",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublishedStory.class)))
    public Uni<Response> story(@Context UriInfo uri, @Parameter(description = "The story's id", example = "st_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") @PathParam("id") String id,
            @Parameter(description = "Strict language chain, best first: only these languages are served", example = "fr,en",
                    schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.LANGUAGE_CHAIN)) @QueryParam("lang") String lang,
            @Parameter(description = "Language preference when lang is absent; any language will do after it", example = "fr-FR, en;q=0.8")
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @Parameter(description = "The ETag of a copy the client has: 304 when it is still current")
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        return one(uri, id, lang, acceptLanguage, ifNoneMatch, acceptEncoding, DeliveryService.Form.JSON);
    }

    @GET
    @Path("by-slug/{lang}/{slug}")
    @Operation(summary = "One published story addressed as a website URL does: language and slug",
            description = "The same answer as by id, for the localization with this slug; 404 when none the key may read has it.")
    @APIResponse(responseCode = "200", description = "The story, with up to five related stories",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublishedStory.class)))
    public Uni<Response> bySlug(@Context UriInfo uri,
            @Parameter(description = "BCP 47 tag", example = "fr", schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.LANGUAGE_TAG))
            @PathParam("lang") String lang,
            @Parameter(description = "The localization's slug", example = "le-vietnam-et-la-france-renforcent-leur-cooperation")
            @PathParam("slug") String slug,
            @Parameter(description = "The ETag of a copy the client has: 304 when it is still current")
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        DeliveryQueryParams.requireOnly(uri.getQueryParameters(), Set.of());
        return delivery.storyBySlug(LanguageTags.canonical(lang, "path.lang"), slug, consumer.get())
                .map(answer -> responses.send(answer, ifNoneMatch, acceptEncoding));
    }

    @GET
    @Path("{id}/ninjs")
    @Operation(summary = "IPTC ninjs 2.1 of one published story in one language", description = "Language as for the story (?lang= or Accept-Language).")
    @APIResponse(responseCode = "200", description = "The ninjs 2.1 news item",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NinjsItem.class)))
    public Uni<Response> ninjs(@Context UriInfo uri, @Parameter(description = "The story's id", example = "st_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") @PathParam("id") String id,
            @Parameter(description = "Strict language chain, best first: only these languages are served", example = "fr,en",
                    schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.LANGUAGE_CHAIN)) @QueryParam("lang") String lang,
            @Parameter(description = "Language preference when lang is absent; any language will do after it", example = "fr-FR, en;q=0.8")
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @Parameter(description = "The ETag of a copy the client has: 304 when it is still current")
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        return one(uri, id, lang, acceptLanguage, ifNoneMatch, acceptEncoding, DeliveryService.Form.NINJS);
    }

    @GET
    @Path("{id}/jsonld")
    @Produces("application/ld+json")
    @Operation(summary = "schema.org NewsArticle JSON-LD of one published story (and ClaimReview for fact-checks)",
            description = "For pages that embed the story: put it in a script type=application/ld+json element.")
    @APIResponse(responseCode = "200", description = "A JSON-LD array: the NewsArticle, then the ClaimReview of a fact-check",
            content = @Content(mediaType = "application/ld+json", schema = @Schema(type = SchemaType.ARRAY, minItems = 1, maxItems = 2,
                    implementation = JsonLdNode.class)))
    public Uni<Response> jsonLd(@Context UriInfo uri, @Parameter(description = "The story's id", example = "st_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") @PathParam("id") String id,
            @Parameter(description = "Strict language chain, best first: only these languages are served", example = "fr,en",
                    schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.LANGUAGE_CHAIN)) @QueryParam("lang") String lang,
            @Parameter(description = "Language preference when lang is absent; any language will do after it", example = "fr-FR, en;q=0.8")
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @Parameter(description = "The ETag of a copy the client has: 304 when it is still current")
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        return one(uri, id, lang, acceptLanguage, ifNoneMatch, acceptEncoding, DeliveryService.Form.JSON_LD);
    }

    private Uni<Response> one(UriInfo uri, String id, String lang, String acceptLanguage, String ifNoneMatch, String acceptEncoding,
            DeliveryService.Form form) {
        DeliveryQueryParams.requireOnly(uri.getQueryParameters(), STORY_PARAMETERS);
        return delivery.story(id, LanguagePreference.of(lang, acceptLanguage), consumer.get(), form)
                .map(answer -> responses.send(answer, ifNoneMatch, acceptEncoding));
    }
}
