package org.imagehub.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test-data builder for story bodies: {@code Stories.article().inLanguages("vi", "fr").build()}. Every story gets a
 * unique title suffix so slugs never clash between tests sharing one database.
 */
public final class Stories {
    private final Map<String, Object> story = new LinkedHashMap<>();
    private final List<Map<String, Object>> localizations = new ArrayList<>();
    private final String unique = UUID.randomUUID().toString().substring(0, 8);

    private Stories(String type, Map<String, Object> fields) {
        story.put("type", type);
        story.put("fields", fields);
        story.put("countries", List.of("VN"));
        story.put("rights", Map.of("credit", "Image Hub test desk", "source", "Ministry of Foreign Affairs", "licence", "CC-BY-4.0"));
    }

    public static Stories article() {
        return new Stories("article", Map.of("dateline", "HA NOI"));
    }

    public static Stories of(String type, Map<String, Object> fields) {
        return new Stories(type, fields);
    }

    public static final Map<String, String> TITLES = Map.of(
            "vi", "Tạo chuyển biến căn bản trong công tác thông tin đối ngoại",
            "en", "A fundamental shift in foreign information work",
            "fr", "Un changement fondamental dans l'information extérieure",
            "zh-Hans", "对外信息工作实现根本转变",
            "uk", "Докорінні зміни в роботі зовнішньої інформації");

    /** Adds localizations; the first language is the source, the others are translated from it. */
    public Stories inLanguages(String... languages) {
        for (int i = 0; i < languages.length; i++) {
            Map<String, Object> localization = localization(languages[i]);
            if (i > 0) {
                localization.put("translatedFrom", languages[0]);
            }
            localizations.add(localization);
        }
        return this;
    }

    public Stories with(String key, Object value) {
        story.put(key, value);
        return this;
    }

    public Stories withLocalization(Map<String, Object> localization) {
        localizations.add(localization);
        return this;
    }

    public Map<String, Object> localization(String lang) {
        Map<String, Object> localization = new LinkedHashMap<>();
        localization.put("lang", lang);
        String title = TITLES.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(lang)).map(Map.Entry::getValue)
                .findFirst().orElse("Story in " + lang);
        localization.put("title", title + " " + unique);
        localization.put("summary", "Lead in " + lang + ".");
        localization.put("body", "<p>Body in " + lang + ".</p>");
        return localization;
    }

    public Map<String, Object> build() {
        Map<String, Object> body = new LinkedHashMap<>(story);
        body.put("localizations", localizations);
        return body;
    }

    public String unique() {
        return unique;
    }
}
