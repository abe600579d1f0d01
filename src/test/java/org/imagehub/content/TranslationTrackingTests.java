package org.imagehub.content;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.imagehub.testing.Api;
import org.imagehub.testing.Stories;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TranslationTrackingTests {
    private static final String STORIES = StoryLifecycleTests.STORIES;

    @Test
    void aTranslationTurnsOutdatedWhenItsSourceIsRevisedAndCurrentWhenRetranslated() {
        Stories story = Stories.article().inLanguages("vi", "fr");
        String id = StoryLifecycleTests.create(story.build());
        String vi = STORIES + "/" + id + "/localizations/vi";
        String fr = STORIES + "/" + id + "/localizations/fr";
        Api.as("editor.mofa").get(fr).then().body("translation.from", equalTo("vi"))
                .body("translation.revision", equalTo(1)).body("translation.outdated", equalTo(false));

        Map<String, Object> revisedSource = story.localization("vi");
        revisedSource.put("body", "<p>Nội dung mới: năm nhóm nhiệm vụ.</p>");
        Api.as("editor.mofa").header("If-Match", StoryLifecycleTests.etag(vi)).body(revisedSource).put(vi).then().statusCode(200)
                .body("revision", equalTo(2));
        Api.as("editor.mofa").get(fr).then().body("translation.outdated", equalTo(true))
                .body("translation.revision", equalTo(1)).body("translation.sourceRevision", equalTo(2));
        Api.as("editor.mofa").get("/api/v1/manage/reports/translations?lang=fr&limit=500").then().statusCode(200)
                .body("stories.find { it.id == '" + id + "' }.outdated[0].lang", equalTo("fr"))
                .body("stories.find { it.id == '" + id + "' }.outdated[0].sourceRevision", equalTo(2));

        // A typo fix that does not say where the text came from stays outdated.
        Map<String, Object> typoFix = story.localization("fr");
        typoFix.put("summary", "Chapeau corrigé.");
        Api.as("editor.mofa").header("If-Match", StoryLifecycleTests.etag(fr)).body(typoFix).put(fr).then().statusCode(200)
                .body("translation.outdated", equalTo(true));

        Map<String, Object> retranslated = story.localization("fr");
        retranslated.put("body", "<p>Nouveau contenu : cinq groupes de tâches.</p>");
        retranslated.put("translatedFrom", Map.of("lang", "vi", "revision", 2));
        Api.as("editor.mofa").header("If-Match", StoryLifecycleTests.etag(fr)).body(retranslated).put(fr).then().statusCode(200)
                .body("translation.outdated", equalTo(false)).body("translation.revision", equalTo(2));
        Api.as("editor.mofa").get("/api/v1/manage/reports/translations?lang=fr&limit=500").then().statusCode(200)
                .body("stories.id", not(hasItem(id)));
    }

    @Test
    void theReportListsMissingLanguagesPerStoryAndInTotal() {
        String id = StoryLifecycleTests.create(Stories.article().inLanguages("vi", "en").build());
        Api.as("editor.mofa").get("/api/v1/manage/reports/translations?limit=500").then().statusCode(200)
                .body("languages", equalTo(java.util.List.of("vi", "en", "fr", "zh-Hans", "uk")))
                .body("stories.find { it.id == '" + id + "' }.missing", equalTo(java.util.List.of("fr", "zh-Hans", "uk")))
                .body("summary.uk.missing", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        Api.as("editor.mofa").get("/api/v1/manage/reports/translations?lang=xx-!!").then().statusCode(400);
    }
}
