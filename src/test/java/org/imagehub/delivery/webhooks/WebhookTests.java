package org.imagehub.delivery.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.standardwebhooks.Webhook;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.imagehub.testing.Api;
import org.imagehub.testing.Eventually;
import org.imagehub.testing.Publishing;
import org.imagehub.testing.Stories;
import org.imagehub.testing.TestReceiver;
import org.junit.jupiter.api.Test;

/** Webhooks end to end: the hub's real dispatcher and sender posting to real HTTP receivers in the test. */
@QuarkusTest
class WebhookTests {
    @jakarta.inject.Inject
    WebhookRetention retention;

    private static String consumer(String... languages) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Webhook consumer " + System.nanoTime(), "kind", "embassy-site",
                "scopes", List.of("content:read"), "requestsPerMinute", 1000, "active", true));
        body.put("languages", List.of(languages));
        return Api.asAdmin().body(body).post("/api/v1/manage/consumers").then().statusCode(201).extract().path("id");
    }

    private static JsonPath subscribe(String consumerId, String url, List<String> events, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("url", url);
        body.put("eventTypes", events);
        return Api.asAdmin().body(body).post(webhooks(consumerId)).then().statusCode(201).header("Cache-Control", "no-store").extract().jsonPath();
    }

    private static String webhooks(String consumerId) {
        return "/api/v1/manage/consumers/" + consumerId + "/webhooks";
    }

    private static JsonPath deliveries(String consumerId, String subscriptionId) {
        return Api.asAdmin().get(webhooks(consumerId) + "/" + subscriptionId + "/deliveries").then().statusCode(200).extract().jsonPath();
    }

    private static void verify(String secret, TestReceiver.Received request) throws Exception {
        // The reference library checks the signature and that the timestamp is recent; it throws when either fails.
        new Webhook(secret).verify(request.body(), request.headers());
    }

    private static List<TestReceiver.Received> about(TestReceiver receiver, String storyId) {
        return receiver.received.stream().filter(request -> request.body().contains(storyId)).toList();
    }

    @Test
    void aPublicationReachesTheSubscriberSignedInItsLanguageAndAWithdrawalCarriesOnlyThePublicReason() throws Exception {
        try (TestReceiver receiver = new TestReceiver(n -> 200)) {
            String consumerId = consumer("fr", "en");
            JsonPath subscription = subscribe(consumerId, receiver.url(),
                    List.of("story.published", "translation.published", "story.updated", "story.withdrawn"), Map.of("languages", List.of("fr")));
            String secret = subscription.getString("secret");
            assertThat(secret).startsWith("whsec_");
            assertThat(Api.asAdmin().get(webhooks(consumerId) + "/" + subscription.getString("subscription.id")).asString()).doesNotContain(secret);

            String storyId = Publishing.published(Stories.article().inLanguages("fr"));
            List<TestReceiver.Received> first = Eventually.until("the publication is delivered", () -> about(receiver, storyId), list -> !list.isEmpty());
            verify(secret, first.get(0));
            JsonPath payload = JsonPath.from(first.get(0).body());
            assertThat(payload.getString("type")).isEqualTo("story.published");
            assertThat(payload.getString("data.lang")).isEqualTo("fr");
            assertThat(payload.getString("data.story.id")).isEqualTo(storyId);
            assertThat(payload.getString("data.story.lang")).isEqualTo("fr");
            assertThat(first.get(0).header("webhook-id")).startsWith("msg_");

            // The withdrawal carries the public reason, never the editors' internal comment.
            String path = Publishing.localization(storyId, "fr");
            String etag = Api.asAdmin().get(path).then().extract().header("ETag");
            Api.asAdmin().header("If-Match", etag).body(Map.of("action", "withdraw", "comment", "Internal: legal asked", "publicReason",
                    "Figures corrected")).post(path + "/workflow").then().statusCode(200);
            List<TestReceiver.Received> later = Eventually.until("the withdrawal is delivered", () -> about(receiver, storyId), list -> list.size() >= 2);
            verify(secret, later.get(1));
            JsonPath withdrawal = JsonPath.from(later.get(1).body());
            assertThat(withdrawal.getString("type")).isEqualTo("story.withdrawn");
            assertThat(withdrawal.getString("data.item.pubstatus")).isEqualTo("canceled");
            assertThat(withdrawal.getString("data.publicReason")).isEqualTo("Figures corrected");
            assertThat(later.get(1).body()).doesNotContain("Internal: legal asked");
        }
    }

    @Test
    void theFirstLanguageIsStoryPublishedAnotherTranslationPublishedAndACorrectionStoryUpdated() throws Exception {
        try (TestReceiver receiver = new TestReceiver(n -> 200)) {
            String consumerId = consumer();
            String secret = subscribe(consumerId, receiver.url(), List.of("story.published", "translation.published", "story.updated"), Map.of())
                    .getString("secret");
            String storyId = Api.as("editor.mofa").body(Stories.article().inLanguages("fr", "en").build()).post("/api/v1/manage/stories")
                    .then().statusCode(201).extract().path("id");
            for (String lang : List.of("fr", "en")) {
                for (String action : List.of("submit", "approve", "publish")) {
                    Publishing.act(storyId, lang, "admin", action);
                }
            }
            String path = Publishing.localization(storyId, "fr");
            String etag = Api.asAdmin().get(path).then().extract().header("ETag");
            Api.asAdmin().header("If-Match", etag).body(Map.of("title", "Corrigé " + storyId, "body", "<p>Chiffres corrigés.</p>")).put(path)
                    .then().statusCode(200);
            for (String action : List.of("submit", "approve", "publish")) {
                Publishing.act(storyId, "fr", "admin", action);
            }
            List<TestReceiver.Received> requests = Eventually.until("three deliveries", () -> about(receiver, storyId), list -> list.size() >= 3);
            List<String> news = requests.stream().map(request -> JsonPath.from(request.body()))
                    .map(payload -> payload.getString("type") + " " + payload.getString("data.lang")).toList();
            assertThat(news).containsExactlyInAnyOrder("story.published fr", "translation.published en", "story.updated fr");
            for (TestReceiver.Received request : requests) {
                verify(secret, request);
            }
            TestReceiver.Received correction = requests.stream().filter(request -> request.body().contains("story.updated")).findFirst().orElseThrow();
            assertThat(JsonPath.from(correction.body()).getString("data.story.title")).isEqualTo("Corrigé " + storyId);
        }
    }

    @Test
    void aReceiverThatFailsThreeTimesGetsTheEventOnceMoreWithTheSameIdAndNothingAfter() throws Exception {
        try (TestReceiver receiver = new TestReceiver(n -> n < 3 ? 500 : 204)) {
            String consumerId = consumer();
            JsonPath subscription = subscribe(consumerId, receiver.url(), List.of("story.published"), Map.of());
            String storyId = Publishing.published(Stories.article().inLanguages("en"));
            Eventually.until("four attempts", () -> about(receiver, storyId), list -> list.size() >= 4);
            String subscriptionId = subscription.getString("subscription.id");
            JsonPath log = Eventually.until("the delivery is logged as delivered", () -> deliveries(consumerId, subscriptionId),
                    page -> "delivered".equals(page.getString("items[0].status")));
            List<TestReceiver.Received> requests = about(receiver, storyId);
            assertThat(requests).hasSize(4);
            assertThat(requests).extracting(request -> request.header("webhook-id")).containsOnly(requests.get(0).header("webhook-id"));
            for (TestReceiver.Received request : requests) {
                verify(subscription.getString("secret"), request);
            }
            assertThat(log.getInt("items[0].attempts")).isEqualTo(4);
            assertThat(log.getList("items[0].attemptLog.status", Integer.class)).containsExactly(500, 500, 500, 204);
            assertThat(log.getString("items[0].attemptLog[0].responseExcerpt")).isEqualTo("{\"n\":0}");
            assertThat(log.getString("items[0].attemptLog[0].requestHeaders.webhook-id")).isEqualTo(requests.get(0).header("webhook-id"));
            String metrics = io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics).contains("hub_webhooks_deliveries_total{outcome=\"failed\",subscription=\"" + subscriptionId + "\"} 3.0")
                    .contains("hub_webhooks_deliveries_total{outcome=\"delivered\",subscription=\"" + subscriptionId + "\"} 1.0")
                    .contains("hub_webhooks_latency_seconds_count{subscription=\"" + subscriptionId + "\"}");
            // Delivered means done: a ping after it is the only further request this receiver gets.
            Api.asAdmin().post(webhooks(consumerId) + "/" + subscriptionId + "/ping").then().statusCode(202);
            Eventually.until("the ping arrives", () -> receiver.received.size(), size -> size >= 5);
            assertThat(about(receiver, storyId)).hasSize(4);
        }
    }

    @Test
    void aReceiverDownForTheWholeWindowIsParkedAndDisabledAndReplayDeliversAfterReEnabling() throws Exception {
        boolean[] up = {false};
        try (TestReceiver receiver = new TestReceiver(n -> up[0] ? 200 : 503)) {
            String consumerId = consumer();
            JsonPath subscription = subscribe(consumerId, receiver.url(), List.of("story.published"), Map.of());
            String subscriptionId = subscription.getString("subscription.id");
            String storyId = Publishing.published(Stories.article().inLanguages("en"));
            JsonPath disabled = Eventually.until("the subscription is disabled",
                    () -> Api.asAdmin().get(webhooks(consumerId) + "/" + subscriptionId).then().extract().jsonPath(),
                    view -> !view.getBoolean("enabled"));
            assertThat(disabled.getString("disabledReason")).contains("whole retry window");
            assertThat(deliveries(consumerId, subscriptionId).getString("items[0].status")).isEqualTo("parked");

            up[0] = true;
            String etag = Api.asAdmin().get(webhooks(consumerId) + "/" + subscriptionId).then().extract().header("ETag");
            Api.asAdmin().header("If-Match", etag).body(Map.of("url", receiver.url(), "eventTypes", List.of("story.published"), "enabled", true))
                    .put(webhooks(consumerId) + "/" + subscriptionId).then().statusCode(200).body("enabled", equalTo(true));
            Api.asAdmin().post(webhooks(consumerId) + "/" + subscriptionId + "/deliveries/replay-parked").then().statusCode(202)
                    .body("replayed", equalTo(1));
            Eventually.until("the replay is delivered", () -> deliveries(consumerId, subscriptionId),
                    page -> "delivered".equals(page.getString("items[0].status")));
            List<TestReceiver.Received> requests = about(receiver, storyId);
            assertThat(requests.get(requests.size() - 1).header("webhook-id")).isEqualTo(requests.get(0).header("webhook-id"));
        }
    }

    @Test
    void aReceiverThatNeverAnswersDoesNotDelayAHealthyOne() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (TestReceiver stuck = new TestReceiver(n -> {
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return 200;
                });
                TestReceiver healthy = new TestReceiver(n -> 200)) {
            subscribe(consumer(), stuck.url(), List.of("story.published"), Map.of());
            subscribe(consumer(), healthy.url(), List.of("story.published"), Map.of());
            String storyId = Publishing.published(Stories.article().inLanguages("en"));
            Eventually.until("the stuck receiver holds its request", () -> about(stuck, storyId), list -> !list.isEmpty());
            // The healthy receiver gets the same event while the stuck one still holds its request open.
            Eventually.until("the healthy receiver is served", () -> about(healthy, storyId), list -> !list.isEmpty());
            assertThat(release.getCount()).isEqualTo(1);
        } finally {
            release.countDown();
        }
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        try (TestReceiver target = new TestReceiver(n -> 200)) {
            try (TestReceiver redirecting = new TestReceiver(n -> 302, Map.of("Location", target.url()))) {
                String consumerId = consumer();
                String subscriptionId = subscribe(consumerId, redirecting.url(), List.of("test.ping"), Map.of()).getString("subscription.id");
                Api.asAdmin().post(webhooks(consumerId) + "/" + subscriptionId + "/ping").then().statusCode(202);
                JsonPath log = Eventually.until("the redirect is logged", () -> deliveries(consumerId, subscriptionId),
                        page -> page.getList("items[0].attemptLog").size() > 0);
                assertThat(log.getInt("items[0].attemptLog[0].status")).isEqualTo(302);
                assertThat(log.getString("items[0].status")).isNotEqualTo("delivered");
                assertThat(target.received).isEmpty();
            }
        }
    }

    @Test
    void receiversOnForbiddenAddressesAndFiltersWiderThanTheConsumerAreRefusedNamingTheRule() {
        String consumerId = consumer("fr");
        Map<String, String> refused = Map.of("http://127.0.0.2/hook", "loopback", "http://169.254.169.254/latest/meta-data/", "link-local",
                "http://10.0.0.1/hook", "private");
        refused.forEach((url, rule) -> Api.asAdmin().body(Map.of("url", url, "eventTypes", List.of("story.published"))).post(webhooks(consumerId))
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("url"))
                .body("errors[0].code", equalTo(rule)));
        Api.asAdmin().body(Map.of("url", "http://127.0.0.1:9/hook", "eventTypes", List.of("story.published"), "languages", List.of("en")))
                .post(webhooks(consumerId)).then().statusCode(400).body("errors[0].field", equalTo("languages[0]"))
                .body("errors[0].code", equalTo("outside-scope"));
        Api.asAdmin().body(Map.of("url", "http://127.0.0.1:9/hook", "eventTypes", List.of("story.deleted")))
                .post(webhooks(consumerId)).then().statusCode(400).body("errors[0].field", equalTo("eventTypes[0]"));
    }

    @Test
    void aConsumerKeyWithWebhooksManageManagesOnlyItsOwnSubscriptionsWithinItsScope() {
        String key = org.imagehub.testing.Consumers.reading("fr").with("scopes", List.of("content:read", "webhooks:manage")).key();
        String other = consumer();
        String othersSubscription = subscribe(other, "http://127.0.0.1:9/other", List.of("test.ping"), Map.of()).getString("subscription.id");
        String own = org.imagehub.testing.Consumers.withKey(key).contentType("application/json").body(Map.of("url", "http://127.0.0.1:9/own", "eventTypes", List.of("story.published")))
                .post("/api/v1/consumer/webhooks").then().statusCode(201).extract().path("subscription.id");
        assertThat(org.imagehub.testing.Consumers.withKey(key).get("/api/v1/consumer/webhooks").then().statusCode(200).extract()
                .<List<String>>path("items.id")).containsExactly(own);
        org.imagehub.testing.Consumers.withKey(key).post("/api/v1/consumer/webhooks/" + othersSubscription + "/ping").then().statusCode(404);
        org.imagehub.testing.Consumers.withKey(key).contentType("application/json").body(Map.of("url", "http://127.0.0.1:9/own", "eventTypes", List.of("story.published"),
                "languages", List.of("vi"))).post("/api/v1/consumer/webhooks").then().statusCode(400).body("errors[0].code", equalTo("outside-scope"));
        String readOnly = org.imagehub.testing.Consumers.reading().key();
        org.imagehub.testing.Consumers.withKey(readOnly).get("/api/v1/consumer/webhooks").then().statusCode(403);
        String consumerId = org.imagehub.testing.Consumers.withKey(key).get("/api/v1/consumer").then().extract().path("id");
        assertThat(Api.asAdmin().get("/api/v1/manage/audit?action=webhook.created&limit=100").then().statusCode(200).extract()
                .<List<String>>path("items.actor")).contains("consumer:" + consumerId);
    }

    @Test
    void deliveriesPastTheRetentionAreForgottenWithTheirAttemptsAndBodies() throws Exception {
        try (TestReceiver receiver = new TestReceiver(n -> 200)) {
            String consumerId = consumer();
            String subscriptionId = subscribe(consumerId, receiver.url(), List.of("test.ping"), Map.of()).getString("subscription.id");
            String recent = Api.asAdmin().post(webhooks(consumerId) + "/" + subscriptionId + "/ping").then().statusCode(202).extract().path("deliveryId");
            String old = Api.asAdmin().post(webhooks(consumerId) + "/" + subscriptionId + "/ping").then().statusCode(202).extract().path("deliveryId");
            Eventually.until("both delivered", () -> deliveries(consumerId, subscriptionId).getList("items.status"),
                    statuses -> statuses.size() == 2 && statuses.stream().allMatch("delivered"::equals));
            org.imagehub.testing.Database.update("update webhook_delivery set delivered_at = now() - interval '40 days' where id = ?", old);
            org.imagehub.testing.Database.update("update webhook_payload set created_at = now() - interval '40 days'"
                    + " where hash = (select payload_hash from webhook_delivery where id = ?)", old);
            String oldBody = (String) org.imagehub.testing.Database.value("select payload_hash from webhook_delivery where id = ?", old);
            retention.prune();
            assertThat(deliveries(consumerId, subscriptionId).getList("items.id", String.class)).containsExactly(recent);
            assertThat(org.imagehub.testing.Database.value("select count(*) from webhook_attempt where delivery_id = ?", old)).isEqualTo(0L);
            assertThat(org.imagehub.testing.Database.value("select count(*) from webhook_payload where hash = ?", oldBody)).isEqualTo(0L);
        }
    }

    @Test
    void aRotatedSecretSignsBesideThePreviousOneDuringTheGracePeriod() throws Exception {
        try (TestReceiver receiver = new TestReceiver(n -> 200)) {
            String consumerId = consumer();
            JsonPath subscription = subscribe(consumerId, receiver.url(), List.of("test.ping"), Map.of());
            String subscriptionId = subscription.getString("subscription.id");
            String newSecret = Api.asAdmin().body(Map.of("graceSeconds", 3600)).post(webhooks(consumerId) + "/" + subscriptionId + "/rotate-secret")
                    .then().statusCode(200).extract().path("secret");
            Api.asAdmin().post(webhooks(consumerId) + "/" + subscriptionId + "/ping").then().statusCode(202);
            TestReceiver.Received ping = Eventually.until("the ping arrives", () -> receiver.received, list -> !list.isEmpty()).get(0);
            verify(subscription.getString("secret"), ping);
            verify(newSecret, ping);
            assertThat(ping.header("webhook-signature").split(" ")).hasSize(2);
        }
    }
}
