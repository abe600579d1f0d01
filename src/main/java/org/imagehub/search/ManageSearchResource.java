package org.imagehub.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.ArrayList;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.content.workflow.EditorialPolicy;
import org.imagehub.content.workflow.WorkflowState;
import org.imagehub.delivery.api.DeliveryQueryParams;
import org.imagehub.delivery.api.ListFilters;
import org.imagehub.delivery.read.ListFilter;
import org.imagehub.platform.HubConfig;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.platform.http.ApiSchemas;
import org.imagehub.platform.http.QueryParams;
import org.imagehub.platform.paging.PageLimit;
import org.imagehub.platform.text.LanguageTags;
import org.imagehub.security.Actor;
import org.imagehub.security.CurrentActor;
import org.imagehub.security.Roles;

@Path("/api/v1/manage/search")
@Tag(name = "Search (management)", description = "Editors' search: their organisation's content in every state, and what others published.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CONTRIBUTOR, Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
public class ManageSearchResource {
    private static final Set<String> PARAMETERS = Set.of("q", "similarTo", "lang", "type", "topic", "country", "keyMessage", "organisation", "state", "from",
            "to", "sort", "cursor", "limit");

    private final SearchService search;
    private final ListFilters filters;
    private final CurrentActor editor;
    private final HubConfig config;
    private final ObjectMapper json;

    public ManageSearchResource(SearchService search, ListFilters filters, CurrentActor editor, HubConfig config, ObjectMapper json) {
        this.search = search;
        this.filters = filters;
        this.editor = editor;
        this.config = config;
        this.json = json;
    }

    @GET
    @Operation(summary = "Search stories: every state of your organisation's, the published ones of the others",
            description = "The same simple q syntax as GET /api/v1/search (accents optional). Your organisation's localizations are matched on "
                    + "their current draft; other organisations' only when published and past their embargo, on the published text.")
    @APIResponse(responseCode = "200", description = "A page of hits with facets and highlights",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SearchPage.class)))
    @APIResponse(responseCode = "503", description = "Search is unavailable for a moment (Retry-After)")
    public SearchPage search(@Context UriInfo uri,
            @Parameter(description = "The words to find (simple syntax, at most 200 characters)", example = "ha noi",
                    schema = @Schema(type = SchemaType.STRING, maxLength = SearchService.MAX_QUERY_LENGTH)) @QueryParam("q") String q,
            @Parameter(description = "A story id: stories whose text is like this story's (more-like-this, each language against the "
                    + "same language), the story itself left out; combines with q and the filters", example = "01m8qfytrz8wwpva3k0fmdy63q",
                    schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.FILTER_CODE, maxLength = 100))
            @QueryParam("similarTo") String similarTo,
            @Parameter(description = "Languages to search, comma-separated (any of them)", example = "fr,en",
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
            @Parameter(description = "A workflow state", example = "draft", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"draft", "in_review", "approved", "scheduled", "published", "withdrawn", "archived"}))
            @QueryParam("state") String state,
            @Parameter(description = "Changed at or after this instant", example = ApiSchemas.INSTANT_EXAMPLE,
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("from") String from,
            @Parameter(description = "Changed before this instant", example = ApiSchemas.INSTANT_EXAMPLE,
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("to") String to,
            @Parameter(description = "relevance (default) or date (last changed first)", example = "relevance",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"relevance", "date"})) @QueryParam("sort") String sort,
            @Parameter(description = "Opaque, signed: take it from `next`", schema = @Schema(type = SchemaType.STRING))
            @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size (default 20)", example = "20",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = ApiSchemas.MAX_PAGE_SIZE)) @QueryParam("limit") String limit) {
        DeliveryQueryParams.requireOnly(uri.getQueryParameters(), PARAMETERS);
        String text = SearchService.validQuery(q);
        ListFilter filter = filters.valid(type, topic, country, keyMessage, null);
        String org = SearchParams.code(organisation, "query.organisation");
        if (state != null) {
            try {
                WorkflowState.of(state);
            } catch (RuntimeException e) {
                throw ValidationException.of("query.state", "invalid", "one of draft, in_review, approved, scheduled, published, withdrawn, archived");
            }
        }
        List<String> languages = new ArrayList<>();
        if (lang != null) {
            for (String part : lang.split(",", -1)) {
                languages.add(LanguageTags.canonical(part.trim(), "query.lang"));
            }
        }
        Instant fromInstant = QueryParams.optionalInstant(from, "query.from");
        Instant toInstant = QueryParams.optionalInstant(to, "query.to");
        SearchService.Sort order = SearchService.Sort.of(sort);
        int pageSize = PageLimit.of(QueryParams.optionalInt(limit, "query.limit"), 20, config.limits().maxPageSize());
        Actor actor = editor.get();

        Map<String, List<String>> terms = new LinkedHashMap<>();
        terms.put("lang", languages);
        terms.put("type", SearchParams.one(filter.type()));
        terms.put("topics", SearchParams.one(filter.topic()));
        terms.put("countries", SearchParams.one(filter.country()));
        terms.put("keyMessages", SearchParams.one(filter.keyMessage()));
        terms.put("organisation", SearchParams.one(org));
        terms.put("status", SearchParams.one(state));
        SearchService.Search request = new SearchService.Search(text, terms, fromInstant, toInstant, order, cursor, pageSize, true);

        ObjectNode own = own(actor);
        ObjectNode published = othersPublished();
        ObjectNode visibility = json.createObjectNode();
        ObjectNode either = visibility.putObject("bool");
        either.putArray("should").add(own).add(published);
        either.put("minimum_should_match", 1);
        List<ObjectNode> textQueries = new ArrayList<>();
        if (text != null) {
            textQueries.add(within(own, search.textQueries(text, "draft")));
            textQueries.add(within(published, search.textQueries(text, "live")));
        }
        String like = SearchParams.code(similarTo, "query.similarTo");
        if (like != null) {
            textQueries = List.of(search.similarTo(like, own, published, textQueries));
        }
        JsonNode answer = search.run(request, visibility, textQueries, "updatedAt", List.of("live", "draft"));
        List<SearchPage.Hit> items = new ArrayList<>();
        JsonNode hits = answer.path("hits").path("hits");
        for (JsonNode hit : hits) {
            JsonNode source = hit.path("_source");
            boolean mine = EditorialPolicy.actsFor(actor, source.path("organisation").asText());
            items.add(SearchParams.hit(hit, mine ? "draft" : "live", mine ? source.path("status").asText() : "published"));
        }
        String next = hits.size() == pageSize ? search.cursorAfter(order, hits.get(hits.size() - 1)) : null;
        return new SearchPage(items, search.facets(answer), answer.path("hits").path("total").path("value").asLong(), next);
    }

    private ObjectNode own(Actor actor) {
        ObjectNode own = json.createObjectNode();
        if (EditorialPolicy.actsForAll(actor)) {
            own.putObject("match_all");
        } else {
            own.putObject("term").put("organisation", actor.organisation());
        }
        return own;
    }

    private ObjectNode othersPublished() {
        ObjectNode published = json.createObjectNode();
        ObjectNode bool = published.putObject("bool");
        bool.putArray("filter").addObject().putObject("term").put("live", true);
        bool.putArray("must_not").addObject().putObject("range").putObject("embargoUntil").put("gt", search.now().toString());
        return published;
    }

    private ObjectNode within(ObjectNode scope, List<ObjectNode> textQueries) {
        ObjectNode query = json.createObjectNode();
        ObjectNode bool = query.putObject("bool");
        bool.putArray("filter").add(scope.deepCopy());
        ArrayNode should = bool.putArray("should");
        textQueries.forEach(should::add);
        bool.put("minimum_should_match", 1);
        return query;
    }
}
