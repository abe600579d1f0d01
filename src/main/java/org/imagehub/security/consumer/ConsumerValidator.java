package org.imagehub.security.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.imagehub.platform.text.LanguageTags;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.ValidationException;

/** Checks a consumer registration and returns it with languages and countries in canonical form. */
@ApplicationScoped
class ConsumerValidator {
    static final int DEFAULT_REQUESTS_PER_MINUTE = 600;
    private static final int MAX_REQUESTS_PER_MINUTE = 100_000_000;
    private static final Set<String> KINDS = Set.of("embassy-site", "partner-outlet", "social-scheduler", "other");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final TopicDirectory topics;

    ConsumerValidator(TopicDirectory topics) {
        this.topics = topics;
    }

    ConsumerInput validate(ConsumerInput input) {
        List<FieldError> errors = new ArrayList<>();
        if (input.name() == null || input.name().isBlank() || input.name().length() > 200) {
            errors.add(new FieldError("name", "required", "1 to 200 characters"));
        }
        if (input.kind() == null || !KINDS.contains(input.kind())) {
            errors.add(new FieldError("kind", "invalid", "one of " + String.join(", ", new java.util.TreeSet<>(KINDS))));
        }
        List<String> scopes = input.scopes() == null ? List.of() : input.scopes();
        if (scopes.isEmpty()) {
            errors.add(new FieldError("scopes", "required", "at least one of " + String.join(", ", new java.util.TreeSet<>(Scopes.ALL))));
        }
        for (int i = 0; i < scopes.size(); i++) {
            if (scopes.get(i) == null || !Scopes.ALL.contains(scopes.get(i))) {
                errors.add(new FieldError("scopes[" + i + "]", "unknown", "one of " + String.join(", ", new java.util.TreeSet<>(Scopes.ALL))));
            }
        }
        List<String> languages = new ArrayList<>();
        List<String> given = input.languages() == null ? List.of() : input.languages();
        for (int i = 0; i < given.size(); i++) {
            try {
                languages.add(LanguageTags.canonical(given.get(i) == null ? "" : given.get(i), "languages[" + i + "]"));
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        List<String> topicCodes = input.topics() == null ? List.of() : input.topics();
        Set<String> unknownTopics = topics.unknown(topicCodes.stream().filter(java.util.Objects::nonNull).toList());
        for (int i = 0; i < topicCodes.size(); i++) {
            if (topicCodes.get(i) == null || unknownTopics.contains(topicCodes.get(i))) {
                errors.add(new FieldError("topics[" + i + "]", "unknown-topic", "no topic '" + topicCodes.get(i) + "'"));
            }
        }
        List<String> countries = new ArrayList<>();
        List<String> givenCountries = input.countries() == null ? List.of() : input.countries();
        for (int i = 0; i < givenCountries.size(); i++) {
            String code = givenCountries.get(i) == null ? "" : givenCountries.get(i).toUpperCase(Locale.ROOT);
            if (COUNTRIES.contains(code)) {
                countries.add(code);
            } else {
                errors.add(new FieldError("countries[" + i + "]", "invalid", "an ISO 3166-1 alpha-2 country code such as FR"));
            }
        }
        int rate = input.requestsPerMinute() == null ? DEFAULT_REQUESTS_PER_MINUTE : input.requestsPerMinute();
        if (rate < 1 || rate > MAX_REQUESTS_PER_MINUTE) {
            errors.add(new FieldError("requestsPerMinute", "out-of-range", "between 1 and " + MAX_REQUESTS_PER_MINUTE));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.size() + " invalid field(s).", errors);
        }
        return new ConsumerInput(input.name().strip(), input.kind(), input.organisation(), distinct(scopes), distinct(languages),
                distinct(topicCodes), distinct(countries), rate, input.active() == null || input.active());
    }

    private static List<String> distinct(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }
}
