package org.imagehub.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.imagehub.content.story.NearDuplicates;
import org.imagehub.platform.HubConfig;
import org.jboss.logging.Logger;

/**
 * Near-duplicates of a saved draft: more-like-this with the saved text itself (the index may not have it yet) on the
 * draft text of every organisation's localizations in the same language, so coordinating agencies see each other's
 * work before publishing. Only id, organisation, title and state are shown, never another organisation's text.
 */
@ApplicationScoped
public class NearDuplicateFinder implements NearDuplicates {
    private static final Logger LOG = Logger.getLogger(NearDuplicateFinder.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    /**
     * Terms in more than half of the language's localizations are left out: they would be all a new text shares with
     * others (terms found nowhere else are not part of the comparison), and any text would look like a near-duplicate
     * of everything.
     */
    private static final int COMMON_SHARE = 2;
    private static final long COMMON_FLOOR = 10;

    private final StoryIndex index;
    private final CommonTerms commonTerms;
    private final String minimumMatch;
    private final int minimumTerms;
    private final int maxResults;

    public NearDuplicateFinder(StoryIndex index, CommonTerms commonTerms, HubConfig config) {
        this.index = index;
        this.commonTerms = commonTerms;
        this.minimumMatch = config.search().nearDuplicateMinimumMatch();
        this.minimumTerms = config.search().nearDuplicateMinimumTerms();
        this.maxResults = config.search().nearDuplicateMaxResults();
    }

    @Override
    public Check check(String storyId, String lang, String title, String text) {
        ObjectNode body = index.json().createObjectNode();
        body.put("size", maxResults);
        body.putArray("_source").add("storyId").add("organisation").add("lang").add("draftTitle").add("status");
        try {
            index.ensure();
            ObjectNode bool = body.putObject("query").putObject("bool");
            long common = commonTerms.above(lang, COMMON_SHARE, COMMON_FLOOR);
            // Both: a share of the text's distinctive terms, and a number of them (so short texts match nothing).
            bool.putArray("must").add(moreLikeThis(lang, title, text, common, minimumMatch))
                    .add(moreLikeThis(lang, title, text, common, Integer.toString(minimumTerms)));
            bool.putArray("filter").addObject().putObject("term").put("lang", lang);
            bool.putArray("must_not").addObject().putObject("term").put("storyId", storyId);
            JsonNode answer = index.send("POST", "/" + index.alias() + "/_search", body, TIMEOUT);
            List<SimilarStory> similar = new ArrayList<>();
            for (JsonNode hit : answer.path("hits").path("hits")) {
                JsonNode source = hit.path("_source");
                similar.add(new SimilarStory(source.path("storyId").asText(), source.path("organisation").asText(), source.path("lang").asText(),
                        source.path("draftTitle").asText(), source.path("status").asText(), hit.path("_score").asDouble()));
            }
            return new Check(true, null, similar);
        } catch (IOException | RuntimeException e) {
            index.recheck();
            LOG.warnf("Near-duplicate check of %s (%s) not made: %s", storyId, lang, e.toString());
            return Check.unavailable();
        }
    }

    /** The saved text as an artificial document of its language's fields, so it is analysed as indexed texts are. */
    private ObjectNode moreLikeThis(String lang, String title, String text, long maxDocFreq, String minimumShouldMatch) {
        ObjectNode query = index.json().createObjectNode();
        ObjectNode mlt = query.putObject("more_like_this");
        ObjectNode doc = mlt.putArray("like").addObject().putObject("doc");
        ArrayNode fields = mlt.putArray("fields");
        String key = LanguageAnalysis.keyOf(lang);
        if (key != null) {
            fields.add("draftTitle_" + key).add("draftText_" + key);
            doc.put("draftTitle_" + key, title).put("draftText_" + key, text);
        } else {
            fields.add("draftTitle").add("draftBody");
            doc.put("draftTitle", title).put("draftBody", text);
        }
        // Terms count however rare they are in the index: a new hub or a new subject must still be compared.
        mlt.put("min_term_freq", 1).put("min_doc_freq", 1).put("max_doc_freq", maxDocFreq).put("max_query_terms", 25)
                .put("minimum_should_match", minimumShouldMatch);
        return query;
    }
}
