package org.imagehub.delivery.read;

import java.util.List;
import java.util.Set;
import org.imagehub.delivery.DeliveredStory;
import org.imagehub.security.consumer.ConsumerAccess;

/** What a consumer's key restricts delivery to; empty lists mean everything. Stories aimed at no country are for all. */
public record ConsumerScope(List<String> languages, List<String> topics, List<String> countries) {
    public static ConsumerScope of(ConsumerAccess access) {
        return new ConsumerScope(sorted(access.languages()), sorted(access.topics()), sorted(access.countries()));
    }

    public boolean allowsLanguage(String lang) {
        return languages.isEmpty() || languages.contains(lang);
    }

    public boolean allows(String lang, List<String> storyTopics, List<String> storyCountries) {
        return allowsLanguage(lang)
                && (topics.isEmpty() || storyTopics.stream().anyMatch(topics::contains))
                && (countries.isEmpty() || storyCountries.isEmpty() || storyCountries.stream().anyMatch(countries::contains));
    }

    /** The story with only the other languages this consumer may read. */
    public DeliveredStory restrict(DeliveredStory story) {
        return story.withOtherLanguages(story.otherLanguages().stream().filter(other -> allowsLanguage(other.lang())).toList());
    }

    /** Consumers with the same scope share cached answers. */
    public String signature() {
        return String.join(",", languages) + "|" + String.join(",", topics) + "|" + String.join(",", countries);
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
