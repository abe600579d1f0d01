package org.imagehub.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imagehub.platform.errors.DependencyUnavailableException;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.platform.paging.Cursors;
import org.jboss.logging.Logger;

/**
 * Runs searches on the stories index. User text only ever reaches {@code simple_query_string} (a small syntax that
 * never fails: + | - " * ( ) are the only operators) or {@code match_phrase}, never the query-string parser. Any
 * failure of Elasticsearch is a 503 without its error text.
 */
@ApplicationScoped
public class SearchService {
    private static final Logger LOG = Logger.getLogger(SearchService.class);
    public static final int MAX_QUERY_LENGTH = 200;
    static final String CURSOR_KIND = "search";
    private static final String FLAGS = "AND|OR|NOT|PHRASE|PRECEDENCE|WHITESPACE|ESCAPE";
    /** Facet name → indexed field. */
    private static final Map<String, String> FACETS = Map.of("type", "type", "topic", "topics", "country", "countries", "keyMessage",
            "keyMessages", "lang", "lang", "organisation", "organisation");
    /** Fields of a hit besides its title and summary (see SearchParams.hit). */
    private static final List<String> HIT_FIELDS = List.of("storyId", "lang", "type", "organisation", "slug", "draftSlug", "topics", "countries",
            "keyMessages", "status", "publishedAt");

    private final StoryIndex index;
    private final ObjectMapper json;
    private final Cursors cursors;
    private final Clock clock;

    public SearchService(StoryIndex index, ObjectMapper json, Cursors cursors, Clock clock) {
        this.index = index;
        this.json = json;
        this.cursors = cursors;
        this.clock = clock;
    }

    /** The sort orders offered. */
    public enum Sort {
        RELEVANCE, DATE;

        public static Sort of(String value) {
            if (value == null || value.equals("relevance")) {
                return RELEVANCE;
            }
            if (value.equals("date")) {
                return DATE;
            }
            throw ValidationException.of("query.sort", "invalid", "relevance or date");
        }
    }

    /** What to search: the text ({@code null}: everything), and the filters as indexed field → accepted values. */
    public record Search(String q, Map<String, List<String>> filters, Instant from, Instant to, Sort sort, String cursor, int limit,
            boolean showState) {
    }

    public static String validQuery(String q) {
        if (q == null) {
            return null;
        }
        if (q.codePointCount(0, q.length()) > MAX_QUERY_LENGTH) {
            throw ValidationException.of("query.q", "too-long", "at most " + MAX_QUERY_LENGTH + " characters");
        }
        String trimmed = q.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /**
     * @param visibility what the caller may see at all (a bool filter of the scope)
     * @param textQueries what the text must match (see {@link #textQueries})
     * @param prefixes the texts a hit may be shown in ("live"; for editors "draft" too): only their fields are
     *        returned and highlighted, not the whole stored document (several copies of the body, ~10 KB a hit)
     */
    public ObjectNode run(Search search, ObjectNode visibility, List<ObjectNode> textQueries, String dateField, List<String> prefixes) {
        ObjectNode body = json.createObjectNode();
        body.put("size", search.limit());
        ArrayNode source = body.putArray("_source");
        HIT_FIELDS.forEach(source::add);
        prefixes.forEach(prefix -> source.add(prefix + "Title").add(prefix + "Summary"));
        body.put("track_total_hits", true);
        ObjectNode bool = body.putObject("query").putObject("bool");
        ArrayNode filter = bool.putArray("filter");
        filter.add(visibility);
        search.filters().forEach((field, values) -> {
            if (values != null && !values.isEmpty()) {
                ObjectNode terms = filter.addObject().putObject("terms");
                values.forEach(terms.putArray(field)::add);
            }
        });
        if (search.from() != null || search.to() != null) {
            ObjectNode range = filter.addObject().putObject("range").putObject(dateField);
            if (search.from() != null) {
                range.put("gte", search.from().toString());
            }
            if (search.to() != null) {
                range.put("lt", search.to().toString());
            }
        }
        if (!textQueries.isEmpty()) {
            ArrayNode should = bool.putArray("should");
            textQueries.forEach(should::add);
            bool.put("minimum_should_match", 1);
        }
        ArrayNode sort = body.putArray("sort");
        if (search.sort() == Sort.DATE) {
            sort.addObject().putObject(dateField).put("order", "desc").put("missing", "_last");
        } else {
            sort.addObject().putObject("_score").put("order", "desc");
        }
        sort.addObject().putObject("docId").put("order", "asc");
        if (search.cursor() != null) {
            String[] parts = cursors.decode(search.cursor(), CURSOR_KIND, "cursor");
            if (parts.length != 3 || !parts[0].equals(search.sort().name())) {
                throw ValidationException.of("query.cursor", "invalid-cursor", "pass back the value exactly as received, with the same sort");
            }
            ArrayNode after = body.putArray("search_after");
            try {
                if (search.sort() == Sort.DATE) {
                    after.add(Long.parseLong(parts[1]));
                } else {
                    after.add(Double.parseDouble(parts[1]));
                }
            } catch (NumberFormatException e) {
                throw ValidationException.of("query.cursor", "invalid-cursor", "pass back the value exactly as received");
            }
            after.add(parts[2]);
        }
        ObjectNode aggregations = body.putObject("aggs");
        Map<String, String> facets = new LinkedHashMap<>(FACETS);
        if (search.showState()) {
            facets.put("state", "status");
        }
        facets.forEach((name, field) -> aggregations.putObject(name).putObject("terms").put("field", field).put("size", 20));
        ObjectNode highlight = body.putObject("highlight");
        highlight.put("encoder", "html").put("number_of_fragments", 2).put("fragment_size", 160);
        ObjectNode fields = highlight.putObject("fields");
        for (String prefix : prefixes) {
            for (String field : List.of("Title", "Summary", "Body")) {
                fields.putObject(prefix + field);
            }
        }
        try {
            index.ensure();
            return (ObjectNode) index.send("POST", "/" + index.alias() + "/_search", body);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ValidationException validation) {
                throw validation;
            }
            index.recheck();
            LOG.warnf("Search failed: %s", e.toString());
            throw new DependencyUnavailableException("Search is unavailable for a moment; retry shortly.", null);
        }
    }

    /** The should-clauses matching {@code q} against the text fields of {@code prefix} ("live" or "draft"). */
    public List<ObjectNode> textQueries(String q, String prefix) {
        List<ObjectNode> queries = new ArrayList<>();
        if (q == null) {
            return queries;
        }
        String folded = Folding.fold(q);
        queries.add(languageQuery(q, prefix));
        if (Folding.hasHan(q)) {
            // The standard tokenizer makes each Han character a token: a word is a phrase of them.
            for (String field : List.of("Title", "Summary", "Body")) {
                ObjectNode phrase = json.createObjectNode();
                phrase.putObject("match_phrase").putObject(prefix + field).put("query", q).put("boost", field.equals("Title") ? 3 : 1);
                queries.add(phrase);
            }
            ObjectNode phrase = json.createObjectNode();
            phrase.putObject("match_phrase").putObject(prefix + "Folded").put("query", folded);
            queries.add(phrase);
            return queries;
        }
        ObjectNode exact = json.createObjectNode();
        ObjectNode sqs = exact.putObject("simple_query_string");
        sqs.put("query", q).put("default_operator", "and").put("flags", FLAGS).put("lenient", true);
        sqs.putArray("fields").add(prefix + "Title^3").add(prefix + "Summary^2").add(prefix + "Body");
        queries.add(exact);
        ObjectNode loose = json.createObjectNode();
        ObjectNode foldedQuery = loose.putObject("simple_query_string");
        foldedQuery.put("query", folded).put("default_operator", "and").put("flags", FLAGS).put("lenient", true).put("boost", 0.5);
        foldedQuery.putArray("fields").add(prefix + "Folded");
        queries.add(loose);
        return queries;
    }

    /**
     * {@code q} on each language's own fields, analysed by that language's analyzer (stemming, ICU folding, smartcn
     * words); a document fills only its language's fields, so it is matched by its own language's analysis.
     */
    private ObjectNode languageQuery(String q, String prefix) {
        ObjectNode query = json.createObjectNode();
        ObjectNode sqs = query.putObject("simple_query_string");
        sqs.put("query", Folding.hasHan(q) ? phrasePerWord(q) : q).put("default_operator", "and").put("flags", FLAGS).put("lenient", true);
        sqs.putArray("fields").add(prefix + "Title_*^3").add(prefix + "Text_*");
        return query;
    }

    /**
     * Han text has no spaces, so a segmenter may split an unknown word into single characters: each space-separated
     * part is then matched as a phrase, so its characters must stand together and in order, not anywhere in the text.
     */
    static String phrasePerWord(String q) {
        StringBuilder out = new StringBuilder();
        for (String part : q.replace("\"", " ").replace("\\", " ").strip().split("\\s+")) {
            if (!part.isEmpty()) {
                out.append(out.isEmpty() ? "" : " ").append('"').append(part).append('"');
            }
        }
        return out.toString();
    }

    /**
     * Stories like {@code storyId} (which the caller must be able to see): more-like-this on the per-language fields,
     * so each of its localizations is compared with texts of the same language only; the story itself is left out.
     * Its text is the draft where the caller may read drafts, else the published text; it is compared with drafts
     * only where the caller may read them too. With text queries, a hit must also match one of them.
     */
    public ObjectNode similarTo(String storyId, ObjectNode draftScope, ObjectNode liveScope, List<ObjectNode> textQueries) {
        List<ObjectNode> likeDocs = visibleTexts(storyId, draftScope, liveScope);
        if (likeDocs.isEmpty()) {
            throw ValidationException.of("query.similarTo", "not-found", "the id of a story you may see");
        }
        ObjectNode query = json.createObjectNode();
        ObjectNode bool = query.putObject("bool");
        ObjectNode similar = bool.putArray("must").addObject().putObject("bool");
        ArrayNode either = similar.putArray("should");
        either.add(within(draftScope, moreLikeThis("draft", likeDocs)));
        either.add(within(liveScope, moreLikeThis("live", likeDocs)));
        similar.put("minimum_should_match", 1);
        bool.putArray("must_not").addObject().putObject("term").put("storyId", storyId);
        if (!textQueries.isEmpty()) {
            ArrayNode should = bool.putArray("should");
            textQueries.forEach(should::add);
            bool.put("minimum_should_match", 1);
        }
        return query;
    }

    private ObjectNode within(ObjectNode scope, ObjectNode query) {
        ObjectNode wrapped = json.createObjectNode();
        ObjectNode bool = wrapped.putObject("bool");
        bool.putArray("filter").add(scope.deepCopy());
        bool.putArray("must").add(query);
        return wrapped;
    }

    private ObjectNode moreLikeThis(String prefix, List<ObjectNode> texts) {
        ObjectNode query = json.createObjectNode();
        ObjectNode mlt = query.putObject("more_like_this");
        ArrayNode fields = mlt.putArray("fields");
        for (String lang : LanguageAnalysis.LANGUAGES) {
            fields.add(prefix + "Title_" + lang).add(prefix + "Text_" + lang);
        }
        ArrayNode like = mlt.putArray("like");
        for (ObjectNode text : texts) {
            ObjectNode doc = like.addObject().putObject("doc");
            text.fields().forEachRemaining(field -> doc.set(prefix + field.getKey(), field.getValue()));
        }
        // Small corpora (a new organisation, the tests) must still yield terms.
        mlt.put("min_term_freq", 1).put("min_doc_freq", 1).put("max_query_terms", 40).put("minimum_should_match", "30%");
        return query;
    }

    /** The story's localizations the caller may see, each as {Title_xx, Text_xx}: the draft where allowed, else live. */
    private List<ObjectNode> visibleTexts(String storyId, ObjectNode draftScope, ObjectNode liveScope) {
        ObjectNode body = json.createObjectNode();
        body.put("size", 50).putArray("_source").add("draftTitle_*").add("draftText_*").add("liveTitle_*").add("liveText_*");
        ObjectNode bool = body.putObject("query").putObject("bool");
        bool.putArray("filter").addObject().putObject("term").put("storyId", storyId);
        ArrayNode scopes = bool.putArray("should");
        scopes.addObject().putObject("bool").put("_name", "draft").putArray("filter").add(draftScope.deepCopy());
        scopes.addObject().putObject("bool").put("_name", "live").putArray("filter").add(liveScope.deepCopy());
        bool.put("minimum_should_match", 1);
        try {
            index.ensure();
            JsonNode answer = index.send("POST", "/" + index.alias() + "/_search", body);
            List<ObjectNode> texts = new ArrayList<>();
            for (JsonNode hit : answer.path("hits").path("hits")) {
                boolean draft = hit.path("matched_queries").toString().contains("\"draft\"");
                String prefix = draft ? "draft" : "live";
                ObjectNode text = json.createObjectNode();
                hit.path("_source").fields().forEachRemaining(field -> {
                    if (field.getKey().startsWith(prefix)) {
                        text.set(field.getKey().substring(prefix.length()), field.getValue());
                    }
                });
                if (!text.isEmpty()) {
                    texts.add(text);
                }
            }
            return texts;
        } catch (IOException | RuntimeException e) {
            index.recheck();
            LOG.warnf("Search failed: %s", e.toString());
            throw new DependencyUnavailableException("Search is unavailable for a moment; retry shortly.", null);
        }
    }

    /** The cursor that continues after this hit. */
    public String cursorAfter(Sort sort, JsonNode hit) {
        JsonNode values = hit.path("sort");
        String first = sort == Sort.DATE ? Long.toString(values.path(0).asLong()) : Double.toString(values.path(0).asDouble());
        return cursors.encode(CURSOR_KIND, sort.name(), first, values.path(1).asText());
    }

    public Instant now() {
        return clock.instant();
    }

    /** Facets of an answer: name → [{value, count}]. */
    public Map<String, List<SearchPage.Facet>> facets(JsonNode answer) {
        Map<String, List<SearchPage.Facet>> facets = new LinkedHashMap<>();
        answer.path("aggregations").fields().forEachRemaining(entry -> {
            List<SearchPage.Facet> buckets = new ArrayList<>();
            entry.getValue().path("buckets").forEach(bucket -> buckets.add(new SearchPage.Facet(bucket.path("key").asText(), bucket.path("doc_count").asLong())));
            facets.put(entry.getKey(), buckets);
        });
        return facets;
    }
}
