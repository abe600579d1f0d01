package org.imagehub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.imagehub.testing.Api;
import org.imagehub.testing.Consumers;
import org.imagehub.testing.Publishing;
import org.imagehub.testing.Stories;
import org.junit.jupiter.api.Test;

/** What a key's topics and countries let through, the list filters that select by key message and by change time, and HEAD. */
@QuarkusTest
class DeliveryFilterTests {
    private static final String STORIES = "/api/v1/stories";

    private static String newTopic(String prefix) {
        String topic = prefix + "-" + Long.toString(System.nanoTime(), 36);
        Api.asAdmin().body(Map.of("labels", Map.of("en", topic))).put("/api/v1/manage/topics/" + topic).then().statusCode(201);
        return topic;
    }

    private static List<String> listed(String key, String query) {
        return Consumers.withKey(key).get(STORIES + "?limit=100&" + query).then().statusCode(200).extract().path("items.id");
    }

    @Test
    void aKeyLimitedToTopicsReadsOnlyStoriesOfThoseTopics() {
        String inside = newTopic("key-topic-in");
        String outside = newTopic("key-topic-out");
        String key = Consumers.reading().with("topics", List.of(inside)).key();
        String seen = Publishing.published(Stories.article().inLanguages("en").with("topics", List.of(inside, outside)));
        String unseen = Publishing.published(Stories.article().inLanguages("en").with("topics", List.of(outside)));

        Consumers.withKey(key).get(STORIES + "/" + seen).then().statusCode(200);
        Consumers.withKey(key).get(STORIES + "/" + unseen).then().statusCode(404);
        assertThat(listed(key, "lang=en")).contains(seen).doesNotContain(unseen);
        assertThat(listed(key, "topic=" + outside)).containsExactly(seen);
        assertThat(Consumers.withKey(key).get("/api/v1/feeds/en.json").then().statusCode(200).extract().asString())
                .contains(seen).doesNotContain(unseen);
    }

    @Test
    void aKeyLimitedToCountriesReadsOnlyStoriesAboutThem() {
        String topic = newTopic("key-country");
        String key = Consumers.reading().with("countries", List.of("FR")).key();
        String french = Publishing.published(Stories.article().inLanguages("fr").with("topics", List.of(topic)).with("countries", List.of("VN", "FR")));
        String vietnamese = Publishing.published(Stories.article().inLanguages("fr").with("topics", List.of(topic)).with("countries", List.of("VN")));

        Consumers.withKey(key).get(STORIES + "/" + french).then().statusCode(200);
        Consumers.withKey(key).get(STORIES + "/" + vietnamese).then().statusCode(404);
        assertThat(listed(key, "topic=" + topic)).containsExactly(french);
        assertThat(Consumers.withKey(key).get("/api/v1/feeds/fr.rss?topic=" + topic).then().statusCode(200).extract().asString())
                .contains(french).doesNotContain(vietnamese);
    }

    @Test
    void theKeyMessageFilterListsExactlyTheStoriesCarryingIt() {
        String code = "km-filter-" + Long.toString(System.nanoTime(), 36);
        Api.as("approver.mofa").body(Map.of("code", code, "owner", "mofa", "translations", Map.of("vi", "Thông điệp", "en", "Message")))
                .post("/api/v1/manage/key-messages").then().statusCode(201);
        String carrying = Publishing.published(Stories.article().inLanguages("vi", "en").with("keyMessages", List.of(code)));
        Publishing.published(Stories.article().inLanguages("vi", "en"));
        String key = Consumers.reading().key();

        assertThat(listed(key, "keyMessage=" + code)).containsExactly(carrying);
        assertThat(listed(key, "keyMessage=" + code + "&lang=en")).containsExactly(carrying);
    }

    @Test
    void updatedSinceListsTheStoriesChangedAfterTheInstantAndOnlyThose() {
        String topic = newTopic("updated-since");
        String key = Consumers.reading().key();
        String unchanged = Publishing.published(Stories.article().inLanguages("en").with("topics", List.of(topic)));
        String revised = Publishing.published(Stories.article().inLanguages("en").with("topics", List.of(topic)));
        Instant since = Instant.now();
        String added = Publishing.published(Stories.article().inLanguages("en").with("topics", List.of(topic)));
        String path = Publishing.localization(revised, "en");
        String etag = Api.asAdmin().get(path).then().statusCode(200).extract().header("ETag");
        Api.asAdmin().header("If-Match", etag).body(Map.of("title", "Revised " + revised, "body", "<p>Revised.</p>")).put(path).then().statusCode(200);
        for (String action : List.of("submit", "approve", "publish")) {
            Publishing.act(revised, "en", "admin", action);
        }

        assertThat(listed(key, "topic=" + topic)).containsExactlyInAnyOrder(unchanged, revised, added);
        assertThat(listed(key, "topic=" + topic + "&updatedSince=" + since)).containsExactlyInAnyOrder(revised, added);
        assertThat(listed(key, "topic=" + topic + "&updatedSince=" + Instant.now())).isEmpty();
    }

    private static final io.restassured.config.RestAssuredConfig PLAIN = io.restassured.RestAssured.config()
            .decoderConfig(io.restassured.config.DecoderConfig.decoderConfig().noContentDecoders());

    @Test
    void headAnswersWithTheContentLengthOfTheGetAndNoBody() {
        String id = Publishing.published(Stories.article().inLanguages("vi", "fr"));
        String key = Consumers.reading().key();
        for (String path : List.of(STORIES + "?limit=5", STORIES + "/" + id, STORIES + "/" + id + "/ninjs", STORIES + "/" + id + "/jsonld",
                "/api/v1/feeds/fr.rss", "/api/v1/feeds/fr.atom", "/api/v1/feeds/fr.json", "/api/v1/key-messages", "/api/v1/sync?limit=3")) {
            // Uncompressed (no decoders: RestAssured then asks for no coding), so Content-Length counts the body's own bytes.
            Response get = Consumers.withKey(key).config(PLAIN).get(path);
            assertThat(get.statusCode()).as(path).isEqualTo(200);
            assertThat(get.header("Content-Encoding")).as(path).isNull();
            Response head = Consumers.withKey(key).config(PLAIN).head(path);

            assertThat(head.statusCode()).as(path).isEqualTo(200);
            assertThat(head.header("Content-Length")).as(path + " Content-Length")
                    .isEqualTo(Integer.toString(get.asString().getBytes(StandardCharsets.UTF_8).length));
            assertThat(head.header("ETag")).as(path + " ETag").isEqualTo(get.header("ETag"));
            assertThat(head.asByteArray()).as(path + " body").isEmpty();
        }
    }
}
