package org.imagehub.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.imagehub.testing.Api;
import org.imagehub.testing.Eventually;
import org.imagehub.testing.Publishing;
import org.imagehub.testing.Stories;
import org.junit.jupiter.api.Test;

/**
 * Similar texts across two organisations (more-like-this within the language): the editors' "similar to this story"
 * query, and the near-duplicate warning in the answer to a draft save.
 */
@QuarkusTest
class SimilarStoriesTests {
    private static final String MANAGE_SEARCH = "/api/v1/manage/search";

    private static Map<String, Object> french(String title, String body) {
        return Map.of("lang", "fr", "title", title, "body", "<p>" + body + "</p>");
    }

    private static List<String> similar(String username, String storyId, String topic) {
        return Api.as(username).get(MANAGE_SEARCH + "?similarTo=" + storyId + "&topic=" + topic).then().statusCode(200).extract().path("items.id");
    }

    @Test
    void aDraftFindsAnotherOrganisationsPublishedStoryOnTheSameSubjectAndOnlyThat() {
        String topic = "similar-" + Long.toString(System.nanoTime(), 36);
        Api.asAdmin().body(Map.of("labels", Map.of("en", topic))).put("/api/v1/manage/topics/" + topic).then().statusCode(201);
        String text = "La délégation vietnamienne a signé à Lyon un accord de coopération culturelle sur la restauration des "
                + "manuscrits anciens, la formation des archivistes et la numérisation des bibliothèques provinciales.";
        String published = Publishing.published(Stories.article().with("topics", List.of(topic))
                .withLocalization(french("Accord de coopération culturelle signé à Lyon", text)));
        String unrelated = Publishing.published(Stories.article().with("topics", List.of(topic))
                .withLocalization(french("Match de football amical", "Les deux équipes nationales ont joué un match amical au stade.")));
        String draft = Api.as("editor.hue").body(Stories.article().with("topics", List.of(topic))
                        .withLocalization(french("Lyon : accord culturel pour les manuscrits anciens", text + " Les archivistes seront formés.")).build())
                .post("/api/v1/manage/stories").then().statusCode(201).extract().path("id");

        Eventually.until("the draft and the published stories indexed",
                () -> Api.as("editor.hue").get(MANAGE_SEARCH + "?topic=" + topic).then().statusCode(200).extract().<List<String>>path("items.id"),
                ids -> ids.containsAll(List.of(draft, published, unrelated)));
        List<String> found = similar("editor.hue", draft, topic);
        assertThat(found).contains(published);
        assertThat(found).doesNotContain(draft, unrelated);
        // The draft itself is another organisation's: MOFA's editors may not use it as a model.
        Api.as("editor.mofa").get(MANAGE_SEARCH + "?similarTo=" + draft).then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("query.similarTo"));
        assertThat(similar("editor.mofa", published, topic)).doesNotContain(published, draft, unrelated);
    }

    @Test
    void savingADraftLikeAnotherOrganisationsStoriesListsThemInTheAnswer() {
        String topic = "near-" + Long.toString(System.nanoTime(), 36);
        String text = "Le ministère a inauguré à Marseille un centre de formation aux métiers de la mer pour les jeunes marins vietnamiens, "
                + "avec des cours de navigation, de sécurité portuaire et de maintenance des moteurs diesel. " + topic;
        String published = Publishing.published(Stories.article().withLocalization(french("Un centre de formation maritime à Marseille", text)));
        String draft = Api.as("editor.mofa").body(Stories.article().withLocalization(french("Marseille forme les marins vietnamiens", text)).build())
                .post("/api/v1/manage/stories").then().statusCode(201).extract().path("id");
        String unrelated = Publishing.published(Stories.article().withLocalization(french("Festival de musique à Hanoï " + topic,
                "Un festival de musique traditionnelle a réuni des artistes de tout le pays pendant trois jours.")));
        Eventually.until("MOFA's stories indexed", () -> Api.as("editor.mofa").get(MANAGE_SEARCH + "?q=" + topic).then().statusCode(200)
                .extract().<List<String>>path("items.id"), ids -> ids.containsAll(List.of(published, draft, unrelated)));

        String own = Api.as("editor.hue").body(Stories.article().inLanguages("en").build()).post("/api/v1/manage/stories").then().statusCode(201)
                .extract().path("id");
        io.restassured.response.Response saved = Api.as("editor.hue")
                .body(Map.of("title", "Marseille : un centre de formation pour les marins vietnamiens", "body", "<p>" + text + " Les cours commencent en mars.</p>"))
                .put("/api/v1/manage/stories/" + own + "/localizations/fr");
        saved.then().statusCode(201).body("status", org.hamcrest.Matchers.equalTo("draft")).body("nearDuplicates.checked", org.hamcrest.Matchers.equalTo(true));
        List<Map<String, Object>> similar = saved.path("nearDuplicates.similar");
        assertThat(similar).extracting(story -> story.get("id")).contains(published, draft).doesNotContain(unrelated, own);
        assertThat(similar).allSatisfy(story -> assertThat(story).containsEntry("organisation", "mofa").containsEntry("lang", "fr")
                .containsKeys("title", "score"));
        assertThat(similar).filteredOn(story -> story.get("id").equals(draft)).singleElement().satisfies(story -> assertThat(story)
                .containsEntry("state", "draft").containsEntry("title", "Marseille forme les marins vietnamiens"));
        assertThat(similar).filteredOn(story -> story.get("id").equals(published)).singleElement()
                .satisfies(story -> assertThat(story).containsEntry("state", "published"));
        // The English localization's text is like none of them: checked, nothing listed; and a plain read carries no check.
        String etag = Api.as("editor.hue").get("/api/v1/manage/stories/" + own + "/localizations/en").then().statusCode(200)
                .body("nearDuplicates", org.hamcrest.Matchers.nullValue()).extract().header("ETag");
        Api.as("editor.hue").header("If-Match", etag).body(Map.of("title", "Weather report " + topic, "body", "<p>Sunny in the north.</p>"))
                .put("/api/v1/manage/stories/" + own + "/localizations/en").then().statusCode(200)
                .body("nearDuplicates.checked", org.hamcrest.Matchers.equalTo(true)).body("nearDuplicates.similar", org.hamcrest.Matchers.empty());
    }

    @Test
    void creatingAStoryLikeAnotherOrganisationsStoryListsItInTheCreateAnswer() {
        String topic = "create-near-" + Long.toString(System.nanoTime(), 36);
        String text = "L'ambassade a organisé à Bordeaux une semaine de la gastronomie vietnamienne avec des ateliers de cuisine, "
                + "une exposition sur la culture du riz dans le delta du Mékong et des dégustations de café des hauts plateaux. " + topic;
        String published = Publishing.published(Stories.article().withLocalization(french("Semaine de la gastronomie vietnamienne à Bordeaux", text)));
        Eventually.until("MOFA's story indexed", () -> Api.as("editor.hue").get(MANAGE_SEARCH + "?q=" + topic).then().statusCode(200)
                .extract().<List<String>>path("items.id"), ids -> ids.contains(published));

        Map<String, Object> body = Stories.article()
                .withLocalization(french("Bordeaux fête la cuisine vietnamienne", text + " Les ateliers sont gratuits."))
                .withLocalization(Map.of("lang", "en", "title", "Ferry timetable " + topic, "body", "<p>The river ferry leaves the old quay hourly.</p>")).build();
        String key = "near-" + topic;
        io.restassured.response.Response created = Api.as("editor.hue").header("Idempotency-Key", key).body(body).post("/api/v1/manage/stories");
        created.then().statusCode(201)
                .body("localizations.find { it.lang == 'fr' }.nearDuplicates.checked", org.hamcrest.Matchers.equalTo(true))
                .body("localizations.find { it.lang == 'en' }.nearDuplicates.checked", org.hamcrest.Matchers.equalTo(true))
                .body("localizations.find { it.lang == 'en' }.nearDuplicates.similar", org.hamcrest.Matchers.empty());
        String own = created.path("id");
        List<Map<String, Object>> similar = created.path("localizations.find { it.lang == 'fr' }.nearDuplicates.similar");
        assertThat(similar).extracting(story -> story.get("id")).contains(published).doesNotContain(own);
        assertThat(similar).filteredOn(story -> story.get("id").equals(published)).singleElement().satisfies(story -> assertThat(story)
                .containsEntry("organisation", "mofa").containsEntry("lang", "fr").containsEntry("state", "published")
                .containsEntry("title", "Semaine de la gastronomie vietnamienne à Bordeaux").containsKey("score"));
        // A retry replays the create and checks again: the same shape, the new story still not among its own duplicates.
        Api.as("editor.hue").header("Idempotency-Key", key).body(body).post("/api/v1/manage/stories").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", org.hamcrest.Matchers.equalTo(own))
                .body("localizations.find { it.lang == 'fr' }.nearDuplicates.similar.id", org.hamcrest.Matchers.hasItem(published))
                .body("localizations.find { it.lang == 'fr' }.nearDuplicates.similar.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(own)));
        // The story as stored carries no check: it belongs to the answer only.
        Api.as("editor.hue").get("/api/v1/manage/stories/" + own).then().statusCode(200)
                .body("localizations[0].nearDuplicates", org.hamcrest.Matchers.nullValue());
    }
}
