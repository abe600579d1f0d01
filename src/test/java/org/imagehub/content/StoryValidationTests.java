package org.imagehub.content;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.imagehub.testing.Api;
import org.imagehub.testing.Database;
import org.imagehub.testing.Stories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input is a 400 naming the field, and nothing is stored. */
@QuarkusTest
class StoryValidationTests {
    private static final String STORIES = StoryLifecycleTests.STORIES;
    private long before;

    @BeforeEach
    void countStories() {
        before = count();
    }

    /** Stories and localizations stored: a rejected create must leave both exactly as they were. */
    private static long count() {
        return Database.rows("story") + Database.rows("localization");
    }

    private void rejected(Map<String, Object> body, String field, String code) {
        Api.as("editor.mofa").body(body).post(STORIES).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.code", equalTo(code));
        assertEquals(before, count(), "nothing may be stored");
    }

    @Test
    void invalidLanguageTag() {
        Stories story = Stories.article();
        Map<String, Object> bad = story.localization("vi");
        bad.put("lang", "not a tag");
        rejected(story.withLocalization(bad).build(), "localizations[0].lang", "invalid-language");
        Map<String, Object> unknown = story.localization("vi");
        unknown.put("lang", "qq");
        rejected(Stories.article().withLocalization(unknown).build(), "localizations[0].lang", "invalid-language");
    }

    @Test
    void unknownContentType() {
        rejected(Stories.of("press-kit", Map.of()).inLanguages("vi").build(), "type", "unknown-type");
    }

    @Test
    void fieldViolatingItsSchema() {
        Map<String, Object> factCheck = Map.of(
                "claimant", "Anonymous accounts",
                "circulatedOn", List.of(Map.of("platform", "Facebook", "url", "https://www.facebook.com/x")),
                "verdict", "fake-news",
                "evidence", List.of(Map.of("title", "Official notice", "url", "https://mofa.gov.vn")));
        Stories story = Stories.of("fact-check", factCheck);
        Map<String, Object> vi = story.localization("vi");
        vi.put("fields", Map.of("claimQuoted", "Tin đồn"));
        rejected(story.withLocalization(vi).build(), "fields.verdict", "schema-enum");
        Stories second = Stories.of("fact-check", factCheck);
        Map<String, Object> vi2 = second.localization("vi");
        vi2.put("fields", Map.of("claimQuoted", "Tin đồn"));
        Api.as("editor.mofa").body(second.withLocalization(vi2).build()).post(STORIES).then().statusCode(400)
                .body("errors.field", hasItem("localizations[0].fields.officialFacts"));
        rejected(Stories.of("statement", Map.of("speaker", "Spokesperson", "deliveredAt", "yesterday")).inLanguages("vi").build(),
                "fields.deliveredAt", "schema-format");
    }

    @Test
    void titleOverItsLimit() {
        Stories story = Stories.article();
        Map<String, Object> vi = story.localization("vi");
        vi.put("title", "Đ".repeat(201));
        rejected(story.withLocalization(vi).build(), "localizations[0].title", "too-long");
    }

    @Test
    void nulBytesAndControlCharacters() {
        Stories story = Stories.article();
        Map<String, Object> vi = story.localization("vi");
        vi.put("title", "Tiêu đề\u0000ẩn");
        rejected(story.withLocalization(vi).build(), "localizations[0].title", "control-character");
    }

    @Test
    void tenThousandLocalizationsAreRefusedAtOnce() {
        Stories story = Stories.article();
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            many.add(Map.of("lang", "vi", "title", "t" + i));
        }
        Map<String, Object> body = story.build();
        body.put("localizations", many);
        // Said once for the whole list, not 10,000 times.
        rejected(body, "localizations", "too-many");
        Api.as("editor.mofa").body(body).post(STORIES).then().statusCode(400).body("errors.size()", equalTo(1));
        body.put("localizations", new ArrayList<>(many.subList(0, 61)));
        rejected(body, "localizations", "too-many");
    }

    @Test
    void duplicateLanguageAndUnknownTranslationSource() {
        Stories story = Stories.article();
        Map<String, Object> fr = story.localization("fr");
        fr.put("translatedFrom", "vi");
        rejected(story.withLocalization(fr).build(), "localizations[0].translatedFrom", "unknown-source");
        Stories twice = Stories.article().inLanguages("vi");
        rejected(twice.withLocalization(twice.localization("vi")).build(), "localizations[1].lang", "duplicate");
    }

    @Test
    void unknownTopicOrKeyMessage() {
        rejected(Stories.article().inLanguages("vi").with("topics", List.of("no-such-topic")).build(), "topics[0]", "unknown-topic");
        rejected(Stories.article().inLanguages("vi").with("keyMessages", List.of("km-none")).build(), "keyMessages[0]", "unknown-key-message");
    }
}
