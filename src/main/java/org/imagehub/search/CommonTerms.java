package org.imagehub.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code max_doc_freq} of a more-like-this query: terms found in more than a share of a language's localizations
 * ("de", "the", "và") say nothing about a subject. Left in, they are what any two texts share, so every text looks
 * like every other, and a query for them scores the whole language (at 10,000 French stories, 50–95 ms a related-story
 * query against 6–31 ms without them). The language's count is asked at most once per {@link #COUNT_REUSE}.
 */
@ApplicationScoped
public class CommonTerms {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final Duration COUNT_REUSE = Duration.ofMinutes(5);

    private record LanguageCount(long localizations, Instant at) {
    }

    private final StoryIndex index;
    private final ConcurrentHashMap<String, LanguageCount> counts = new ConcurrentHashMap<>();

    public CommonTerms(StoryIndex index) {
        this.index = index;
    }

    /**
     * The largest number of the language's localizations a term may appear in and still be a query term: a share of
     * them ({@code 1 / denominator}), never fewer than {@code floor} (a new hub or language keeps its terms).
     */
    public long above(String lang, int denominator, long floor) throws IOException {
        return cutOff(localizations(lang), denominator, floor);
    }

    static long cutOff(long localizations, int denominator, long floor) {
        return Math.max(floor, localizations / denominator);
    }

    private long localizations(String lang) throws IOException {
        Instant now = Instant.now();
        LanguageCount known = counts.get(lang);
        if (known == null || known.at().plus(COUNT_REUSE).isBefore(now)) {
            ObjectNode body = index.json().createObjectNode();
            body.putObject("query").putObject("term").put("lang", lang);
            known = new LanguageCount(index.send("POST", "/" + index.alias() + "/_count", body, TIMEOUT).path("count").asLong(), now);
            counts.put(lang, known);
        }
        return known.localizations();
    }
}
