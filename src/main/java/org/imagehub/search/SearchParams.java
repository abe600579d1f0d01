package org.imagehub.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.platform.http.ApiSchemas;

/** Parameter checks and the mapping of a hit to its answer, shared by the consumers' and the editors' search. */
final class SearchParams {
    private static final Pattern CODE = Pattern.compile(ApiSchemas.FILTER_CODE);

    private SearchParams() {
    }

    static String code(String value, String field) {
        if (value != null && !CODE.matcher(value).matches()) {
            throw ValidationException.of(field, "invalid", "a code of lower-case letters, digits and hyphens");
        }
        return value;
    }

    static List<String> one(String value) {
        return value == null ? List.of() : List.of(value);
    }

    /** A hit in the text of {@code prefix}; {@code state} null leaves the state out. */
    static SearchPage.Hit hit(JsonNode hit, String prefix, String state) {
        JsonNode source = hit.path("_source");
        Map<String, List<String>> highlights = new LinkedHashMap<>();
        for (String field : List.of("Title", "Summary", "Body")) {
            JsonNode fragments = hit.path("highlight").path(prefix + field);
            if (fragments.isArray() && !fragments.isEmpty()) {
                List<String> texts = new ArrayList<>();
                fragments.forEach(fragment -> texts.add(fragment.asText()));
                highlights.put(field.toLowerCase(java.util.Locale.ROOT), texts);
            }
        }
        String published = source.path("publishedAt").asText(null);
        return new SearchPage.Hit(source.path("storyId").asText(), source.path("lang").asText(), source.path("type").asText(),
                source.path("organisation").asText(), source.path(prefix + "Title").asText(""), text(source, prefix + "Summary"),
                text(source, prefix.equals("live") ? "slug" : "draftSlug"), strings(source.path("topics")), strings(source.path("countries")),
                strings(source.path("keyMessages")), state, published == null ? null : Instant.parse(published),
                hit.path("_score").isNumber() ? hit.path("_score").asDouble() : 0, highlights);
    }

    private static String text(JsonNode source, String field) {
        JsonNode value = source.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
