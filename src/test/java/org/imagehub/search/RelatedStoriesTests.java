package org.imagehub.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.imagehub.testing.Api;
import org.imagehub.testing.Consumers;
import org.imagehub.testing.Eventually;
import org.imagehub.testing.Publishing;
import org.imagehub.testing.Stories;
import org.junit.jupiter.api.Test;

/** Related stories in the delivery detail: more-like-this in the story's language, published, in the key's scope. */
@QuarkusTest
class RelatedStoriesTests {
    private static final String TEXT = "La délégation vietnamienne a signé à Lyon un accord de coopération culturelle sur la restauration des "
            + "manuscrits anciens, la formation des archivistes et la numérisation des bibliothèques provinciales.";

    private static Stories french(String topic, String title, String body) {
        return Stories.article().with("topics", List.of(topic)).withLocalization(Map.of("lang", "fr", "title", title, "body", "<p>" + body + "</p>"));
    }

    private static List<String> related(String key, String storyId) {
        return Consumers.withKey(key).get("/api/v1/stories/" + storyId + "?lang=fr").then().statusCode(200).extract().path("related.id");
    }

    @Test
    void theMostSimilarStoryComesFirstOutOfScopeOnesNeverAndAWithdrawnOneLeavesAtOnce() {
        String topic = "related-" + Long.toString(System.nanoTime(), 36);
        Api.asAdmin().body(Map.of("labels", Map.of("en", topic))).put("/api/v1/manage/topics/" + topic).then().statusCode(201);
        String similar = Publishing.published(french(topic, "Lyon : accord culturel pour les manuscrits anciens", TEXT + " Les archivistes seront formés."));
        String japan = Publishing.published(french(topic, "Accord culturel sur les manuscrits anciens", TEXT).with("countries", List.of("JP")));
        // Newer than the similar one: by date alone it would come first.
        String unrelated = Publishing.published(french(topic, "Match de football amical", "Les deux équipes nationales ont joué un match amical au stade."));
        String story = Publishing.published(french(topic, "Accord de coopération culturelle signé à Lyon", TEXT));
        String everything = Consumers.reading().key();
        // Their published text indexed, not only their drafts (the management search would find those first).
        Eventually.until("the stories indexed as published", () -> Consumers.withKey(everything).get("/api/v1/search?lang=fr&topic=" + topic)
                .then().statusCode(200).extract().<List<String>>path("items.id"), ids -> ids.containsAll(List.of(similar, japan, unrelated, story)));

        String vietnamOnly = Consumers.reading().with("countries", List.of("VN")).key();
        assertThat(related(everything, story)).hasSize(3).containsOnly(similar, japan, unrelated).endsWith(unrelated);
        assertThat(related(vietnamOnly, story)).containsExactly(similar, unrelated);

        SearchTests.withdraw(similar, "fr");
        // The withdrawal drops the cached detail; the index may still hold the story, the published view decides.
        assertThat(related(vietnamOnly, story)).containsExactly(unrelated);
    }
}
