package org.imagehub.delivery.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.imagehub.testing.Api;
import org.imagehub.testing.Consumers;
import org.imagehub.testing.Eventually;
import org.imagehub.testing.Publishing;
import org.imagehub.testing.Stories;
import org.imagehub.testing.TestReceiver;
import org.junit.jupiter.api.Test;

/** Delivery receipts: who has the current version of a story after a correction, and who has not. */
@QuarkusTest
class ReceiptTests {
    private static String consumer(String topic) {
        return Api.asAdmin().body(Map.of("name", "Receipt consumer " + System.nanoTime(), "kind", "embassy-site", "scopes", List.of("content:read"),
                "topics", List.of(topic), "requestsPerMinute", 1000, "active", true)).post("/api/v1/manage/consumers").then().statusCode(201)
                .extract().path("id");
    }

    private static String key(String consumerId) {
        return Api.asAdmin().body(Map.of()).post("/api/v1/manage/consumers/" + consumerId + "/keys").then().statusCode(201).extract().path("key");
    }

    private static Map<String, String> statuses(String storyId, List<String> consumers) {
        JsonPath receipts = Api.as("approver.mofa").get("/api/v1/manage/stories/" + storyId + "/receipts").then().statusCode(200).extract().jsonPath();
        Map<String, String> byConsumer = new java.util.HashMap<>();
        for (Map<String, Object> receipt : receipts.<Map<String, Object>>getList("languages.find { it.lang == 'en' }.consumers")) {
            if (consumers.contains(receipt.get("consumerId"))) {
                byConsumer.put((String) receipt.get("consumerId"), receipt.get("status") + " " + receipt.get("via"));
            }
        }
        return byConsumer;
    }

    @Test
    void afterACorrectionTheAcknowledgingAndTheReFetchingEmbassiesHaveReachedAndTheSilentOneIsPending() throws Exception {
        String topic = "receipts-" + Long.toString(System.nanoTime(), 36);
        Api.asAdmin().body(Map.of("labels", Map.of("en", topic))).put("/api/v1/manage/topics/" + topic).then().statusCode(201);
        try (TestReceiver receiver = new TestReceiver(n -> 204)) {
            String acknowledging = consumer(topic);
            String refetching = consumer(topic);
            String silent = consumer(topic);
            Api.asAdmin().body(Map.of("url", receiver.url(), "eventTypes", List.of("story.published", "story.updated")))
                    .post("/api/v1/manage/consumers/" + acknowledging + "/webhooks").then().statusCode(201);
            String storyId = Publishing.published(Stories.article().inLanguages("en").with("topics", List.of(topic)));
            String path = Publishing.localization(storyId, "en");
            String etag = Api.asAdmin().get(path).then().extract().header("ETag");
            Api.asAdmin().header("If-Match", etag).body(Map.of("title", "Corrected " + storyId, "body", "<p>Corrected figures.</p>")).put(path)
                    .then().statusCode(200);
            for (String action : List.of("submit", "approve", "publish")) {
                Publishing.act(storyId, "en", "admin", action);
            }
            Eventually.until("the correction is acknowledged", () -> receiver.received.stream().filter(r -> r.body().contains("story.updated")).count(),
                    count -> count > 0);
            // The re-fetching embassy mirrors through sync after the correction: every page of it, as a mirror does (a
            // snapshot's first page may hold none of its stories when many others were published before).
            String refetchingKey = key(refetching);
            String token = null;
            boolean more = true;
            while (more) {
                io.restassured.path.json.JsonPath page = (token == null ? Consumers.withKey(refetchingKey) : Consumers.withKey(refetchingKey)
                        .queryParam("token", token)).get("/api/v1/sync").then().statusCode(200).extract().jsonPath();
                token = page.getString("token");
                more = page.getBoolean("more");
            }

            List<String> ours = List.of(acknowledging, refetching, silent);
            Map<String, String> statuses = Eventually.until("receipts settle", () -> statuses(storyId, ours),
                    map -> map.size() == 3 && map.get(refetching).startsWith("reached") && map.get(acknowledging).startsWith("reached"));
            assertThat(statuses).containsEntry(acknowledging, "reached webhook").containsEntry(refetching, "reached pull")
                    .containsEntry(silent, "pending null");

            JsonPath report = Api.as("approver.mofa").get("/api/v1/manage/reports/receipts?since=2020-01-01T00:00:00Z").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(report.getString("organisation")).isEqualTo("mofa");
            assertThat(report.getInt("consumers.find { it.consumerId == '" + silent + "' }.summary.pending")).isGreaterThanOrEqualTo(1);
            Api.as("approver.mofa").get("/api/v1/manage/reports/receipts?organisation=other-org").then().statusCode(403);
        }
    }
}
