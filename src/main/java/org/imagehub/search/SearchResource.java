package org.imagehub.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.imagehub.delivery.api.CachedAnswer;
import org.imagehub.delivery.api.DeliveryQueryParams;
import org.imagehub.delivery.api.DeliveryResponses;
import org.imagehub.delivery.api.ListFilters;
import org.imagehub.delivery.read.ConsumerScope;
import org.imagehub.delivery.read.LanguagePreference;
import org.imagehub.delivery.read.ListFilter;
import org.imagehub.platform.HubConfig;
import org.imagehub.platform.http.ApiSchemas;
import org.imagehub.platform.http.QueryParams;
import org.imagehub.platform.paging.PageLimit;
import org.imagehub.security.consumer.ConsumerApi;
import org.imagehub.security.consumer.CurrentConsumer;

@Path("/api/v1/search")
@Tag(name = "Delivery", description = "Published stories for embassy sites and partner outlets (API key).")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "apiKey")
@ConsumerApi
public class SearchResource {
    static final Set<String> PARAMETERS = Set.of("q", "lang", "type", "topic", "country", "keyMessage", "organisation", "from", "to", "sort",
            "cursor", "limit");

    private final SearchService search;
    private final ListFilters filters;
    private final CurrentConsumer consumer;
    private final HubConfig config;
    private final ObjectMapper json;
    private final SearchAnswers answers;
    private final DeliveryResponses responses;

    public SearchResource(SearchService search, ListFilters filters, CurrentConsumer consumer, HubConfig config, ObjectMapper json,
            SearchAnswers answers, DeliveryResponses responses) {
        this.search = search;
        this.filters = filters;
        this.consumer = consumer;
        this.config = config;
        this.json = json;
        this.answers = answers;
        this.responses = responses;
    }

    @GET
    @Operation(summary = "Full-text search over published stories the key may read",
            description = "q uses a simple syntax: words (all must match), \"phrases\", -excluded, a | b. Accents are optional (\"ha noi\" finds "
                    + "\"Hà Nội\"). Each story appears once per page, in the best language of the chain. Facets count matching localizations.")
    @APIResponse(responseCode = "200", description = "A page of hits with facets and highlights",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SearchPage.class)))
    @APIResponse(responseCode = "503", description = "Search is unavailable for a moment (Retry-After)")
    public Response search(@Context UriInfo uri,
            @Parameter(description = "The ETag of a copy the client has: 304 when it is still current")
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
            @Parameter(description = "The words to find (simple syntax, at most 200 characters)", example = "ha noi",
                    schema = @Schema(type = SchemaType.STRING, maxLength = SearchService.MAX_QUERY_LENGTH)) @QueryParam("q") String q,
            @Parameter(description = "Strict language chain, best first: only these languages are searched", example = "fr,en",
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
            @Parameter(description = "An organisation code", example = "mofa",
                    schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.FILTER_CODE, maxLength = 100))
            @QueryParam("organisation") String organisation,
            @Parameter(description = "Published at or after this instant", example = ApiSchemas.INSTANT_EXAMPLE,
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("from") String from,
            @Parameter(description = "Published before this instant", example = ApiSchemas.INSTANT_EXAMPLE,
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("to") String to,
            @Parameter(description = "relevance (default) or date (newest first)", example = "relevance",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"relevance", "date"})) @QueryParam("sort") String sort,
            @Parameter(description = "Opaque, signed: take it from `next`", schema = @Schema(type = SchemaType.STRING))
            @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size (default 20)", example = "20",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = ApiSchemas.MAX_PAGE_SIZE)) @QueryParam("limit") String limit,
            @Parameter(description = "Language preference when lang is absent; any language will do after it", example = "fr-FR, en;q=0.8")
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        DeliveryQueryParams.requireOnly(uri.getQueryParameters(), PARAMETERS);
        String text = SearchService.validQuery(q);
        ListFilter filter = filters.valid(type, topic, country, keyMessage, null);
        String org = SearchParams.code(organisation, "query.organisation");
        Instant fromInstant = QueryParams.optionalInstant(from, "query.from");
        Instant toInstant = QueryParams.optionalInstant(to, "query.to");
        SearchService.Sort order = SearchService.Sort.of(sort);
        int pageSize = PageLimit.of(QueryParams.optionalInt(limit, "query.limit"), 20, config.limits().maxPageSize());
        LanguagePreference languages = LanguagePreference.of(lang, acceptLanguage);
        ConsumerScope scope = ConsumerScope.of(consumer.get());

        Map<String, List<String>> terms = new LinkedHashMap<>();
        terms.put("type", SearchParams.one(filter.type()));
        terms.put("topics", SearchParams.one(filter.topic()));
        terms.put("countries", SearchParams.one(filter.country()));
        terms.put("keyMessages", SearchParams.one(filter.keyMessage()));
        terms.put("organisation", SearchParams.one(org));
        SearchService.Search request = new SearchService.Search(text, terms, fromInstant, toInstant, order, cursor, pageSize, false);
        String key;
        try {
            // From the validated values, as JSON: unambiguous whatever the text holds.
            key = json.writeValueAsString(java.util.Arrays.asList(text, terms, String.valueOf(fromInstant), String.valueOf(toInstant), order.name(), cursor, pageSize)) + "|"
                    + languages.signature() + "|" + scope.signature();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        CachedAnswer answer = answers.get(key, () -> {
            JsonNode found = search.run(request, visibility(scope, languages), search.textQueries(text, "live"), "publishedAt", List.of("live"));
            try {
                return CachedAnswer.of(json.writeValueAsBytes(page(found, languages, order, pageSize)), MediaType.APPLICATION_JSON, Map.of());
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        });
        return responses.send(answer, ifNoneMatch, acceptEncoding, clientMaxAge(config.search().answerMaxAge(), config.delivery().maxAgeSeconds()));
    }

    /**
     * How long a client may reuse a search answer: no longer than the hub keeps it (a withdrawn story leaves the
     * hub's answers within {@code hub.search.answer-max-age}), nor than any other delivery answer.
     */
    static int clientMaxAge(java.time.Duration answerMaxAge, int deliveryMaxAgeSeconds) {
        return (int) Math.max(0, Math.min(deliveryMaxAgeSeconds, answerMaxAge.toSeconds()));
    }

    /** Published, past its embargo, not expired, in the key's languages, topics and countries (and the strict chain). */
    private ObjectNode visibility(ConsumerScope scope, LanguagePreference languages) {
        ObjectNode visibility = json.createObjectNode();
        ObjectNode bool = visibility.putObject("bool");
        ArrayNode filter = bool.putArray("filter");
        filter.addObject().putObject("term").put("live", true);
        List<String> allowed = new ArrayList<>();
        if (!languages.anyAfterwards()) {
            languages.chain().stream().filter(scope::allowsLanguage).forEach(allowed::add);
            if (allowed.isEmpty()) {
                allowed.add("-none-");
            }
        } else {
            allowed.addAll(scope.languages());
        }
        if (!allowed.isEmpty()) {
            allowed.forEach(filter.addObject().putObject("terms").putArray("lang")::add);
        }
        if (!scope.topics().isEmpty()) {
            scope.topics().forEach(filter.addObject().putObject("terms").putArray("topics")::add);
        }
        if (!scope.countries().isEmpty()) {
            ObjectNode countries = filter.addObject().putObject("bool");
            ArrayNode should = countries.putArray("should");
            scope.countries().forEach(should.addObject().putObject("terms").putArray("countries")::add);
            should.addObject().putObject("bool").putArray("must_not").addObject().putObject("exists").put("field", "countries");
            countries.put("minimum_should_match", 1);
        }
        String now = search.now().toString();
        ArrayNode mustNot = bool.putArray("must_not");
        mustNot.addObject().putObject("range").putObject("embargoUntil").put("gt", now);
        mustNot.addObject().putObject("range").putObject("expiresAt").put("lte", now);
        return visibility;
    }

    private SearchPage page(JsonNode answer, LanguagePreference languages, SearchService.Sort order, int pageSize) {
        JsonNode hits = answer.path("hits").path("hits");
        // One entry per story: the hit in the best language of the chain.
        Map<String, JsonNode> best = new LinkedHashMap<>();
        Map<String, Integer> rank = new HashMap<>();
        for (JsonNode hit : hits) {
            String storyId = hit.path("_source").path("storyId").asText();
            int r = languages.rank(hit.path("_source").path("lang").asText());
            if (r < 0) {
                r = Integer.MAX_VALUE;
            }
            if (!best.containsKey(storyId) || r < rank.get(storyId)) {
                best.put(storyId, hit);
                rank.put(storyId, r);
            }
        }
        List<SearchPage.Hit> items = best.values().stream().map(hit -> SearchParams.hit(hit, "live", null)).toList();
        String next = hits.size() == pageSize ? search.cursorAfter(order, hits.get(hits.size() - 1)) : null;
        return new SearchPage(items, search.facets(answer), answer.path("hits").path("total").path("value").asLong(), next);
    }
}
