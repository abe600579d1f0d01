package org.imagehub.delivery.read;

import java.util.List;
import java.util.Set;
import org.imagehub.delivery.DeliveredStory;
import org.imagehub.security.consumer.ConsumerAccess;

/** What a consumer's key restricts delivery to; empty lists mean everything. Stories aimed at no country are for all. */
public record ConsumerScope(List<String> languages, List<String> topics, List<String> countries) {
    /** In the countries an item was ever aimed at: a time it was aimed at none in particular, so at all. */
    public static final String EVERY_COUNTRY = "*";

    /** No restriction: what the hub itself may serve to anyone. */
    public static final ConsumerScope EVERYONE = new ConsumerScope(List.of(), List.of(), List.of());

    public static ConsumerScope of(ConsumerAccess access) {
        if (access.languages().isEmpty() && access.topics().isEmpty() && access.countries().isEmpty()) {
            return EVERYONE; // most keys: asked for on every read
        }
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

    /**
     * Whether an item that carried these topics and countries at some point of its life could have reached this
     * consumer; {@link #EVERY_COUNTRY} among the countries stands for a time it was aimed at every country.
     */
    public boolean couldHaveSeen(String lang, List<String> seenTopics, List<String> seenCountries) {
        return allowsLanguage(lang)
                && (topics.isEmpty() || seenTopics.stream().anyMatch(topics::contains))
                && (countries.isEmpty() || seenCountries.contains(EVERY_COUNTRY) || seenCountries.stream().anyMatch(countries::contains));
    }

    /** The story with only the other languages this consumer may read. */
    public DeliveredStory restrict(DeliveredStory story) {
        return story.withOtherLanguages(story.otherLanguages().stream().filter(other -> allowsLanguage(other.lang())).toList());
    }

    /** Consumers with the same scope share cached answers. */
    public String signature() {
        if (this == EVERYONE) {
            return "||";
        }
        return String.join(",", languages) + "|" + String.join(",", topics) + "|" + String.join(",", countries);
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
