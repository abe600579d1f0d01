package org.imagehub.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.imagehub.delivery.read.ConsumerScope;
import org.imagehub.delivery.read.SimilarStories;
import org.jboss.logging.Logger;

/**
 * Related stories for the delivery detail: more-like-this on the indexed published text of the story's localization,
 * among published localizations of the same language in the consumer's scope. Asked only when a detail is computed
 * (a cache miss), with a short time-out: a slow or absent index leaves the detail to its topic-based fallback.
 */
@ApplicationScoped
public class RelatedStoryFinder implements SimilarStories {
    private static final Logger LOG = Logger.getLogger(RelatedStoryFinder.class);
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    /**
     * Terms in more than a fifth of the language's localizations are left out of the comparison: a story is related by
     * what sets it apart, and each common term would make the query score most of the language.
     */
    private static final int COMMON_SHARE = 5;

    /**
     * Below this many, no term is left out: scoring a thousand matches is cheap, and among a small hub's few stories
     * the words that tell a subject apart are easily in a fifth of them.
     */
    private static final long COMMON_FLOOR = 1_000;

    private final StoryIndex index;
    private final CommonTerms commonTerms;

    public RelatedStoryFinder(StoryIndex index, CommonTerms commonTerms) {
        this.index = index;
        this.commonTerms = commonTerms;
    }

    @Override
    public Optional<List<String>> like(String storyId, String lang, List<String> topics, ConsumerScope scope, Instant now, int limit) {
        ObjectNode body = index.json().createObjectNode();
        body.put("size", limit).put("_source", false);
        body.putArray("docvalue_fields").add("storyId");
        try {
            ObjectNode bool = body.putObject("query").putObject("bool");
            bool.putArray("must").add(moreLikeThis(StoryDocuments.id(storyId, lang), lang, commonTerms.above(lang, COMMON_SHARE, COMMON_FLOOR)));
            within(bool, storyId, lang, topics, scope, now);
            JsonNode answer = index.send("POST", "/" + index.alias() + "/_search", body, TIMEOUT);
            List<String> ids = new ArrayList<>();
            answer.path("hits").path("hits").forEach(hit -> ids.add(hit.path("fields").path("storyId").path(0).asText()));
            return Optional.of(ids);
        } catch (IOException | RuntimeException e) {
            LOG.debugf("Related stories of %s not found in the index: %s", storyId, e.toString());
            return Optional.empty();
        }
    }

    /** Published localizations of the language in the consumer's scope, other than the story itself. */
    private static void within(ObjectNode bool, String storyId, String lang, List<String> topics, ConsumerScope scope, Instant now) {
        ArrayNode filter = bool.putArray("filter");
        filter.addObject().putObject("term").put("live", true);
        filter.addObject().putObject("term").put("lang", lang);
        if (!topics.isEmpty()) {
            topics.forEach(filter.addObject().putObject("terms").putArray("topics")::add);
        }
        if (!scope.topics().isEmpty()) {
            scope.topics().forEach(filter.addObject().putObject("terms").putArray("topics")::add);
        }
        if (!scope.countries().isEmpty()) {
            ObjectNode countries = filter.addObject().putObject("bool");
            ArrayNode either = countries.putArray("should");
            scope.countries().forEach(either.addObject().putObject("terms").putArray("countries")::add);
            either.addObject().putObject("bool").putArray("must_not").addObject().putObject("exists").put("field", "countries");
            countries.put("minimum_should_match", 1);
        }
        ArrayNode mustNot = bool.putArray("must_not");
        mustNot.addObject().putObject("term").put("storyId", storyId);
        mustNot.addObject().putObject("range").putObject("embargoUntil").put("gt", now.toString());
        mustNot.addObject().putObject("range").putObject("expiresAt").put("lte", now.toString());
    }

    /** Like the indexed localization itself (its own document, so no text travels), on its language's fields. */
    private ObjectNode moreLikeThis(String docId, String lang, long maxDocFreq) {
        ObjectNode query = index.json().createObjectNode();
        ObjectNode mlt = query.putObject("more_like_this");
        ArrayNode fields = mlt.putArray("fields");
        String key = LanguageAnalysis.keyOf(lang);
        if (key != null) {
            fields.add("liveTitle_" + key).add("liveText_" + key);
        } else {
            fields.add("liveTitle").add("liveSummary").add("liveBody");
        }
        mlt.putArray("like").addObject().put("_index", index.alias()).put("_id", docId);
        // Small collections (a new hub, one topic) still yield terms; a third of the chosen terms must match.
        mlt.put("min_term_freq", 1).put("min_doc_freq", 1).put("max_doc_freq", maxDocFreq).put("max_query_terms", 25)
                .put("minimum_should_match", "30%");
        return query;
    }
}
