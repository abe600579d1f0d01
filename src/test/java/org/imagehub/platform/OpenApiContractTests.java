package org.imagehub.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.imagehub.testing.Api;
import org.imagehub.testing.Consumers;
import org.imagehub.testing.OpenApiContract;
import org.imagehub.testing.Publishing;
import org.imagehub.testing.Stories;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * openapi/openapi.json is the published contract: it must be exactly what the service serves, and what the service
 * answers must be what it says. After an intended API change, regenerate it with
 * {@code ./mvnw verify -Dopenapi.update=true} and review the diff.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiContractTests {
    private static final Path CONTRACT = Path.of("openapi/openapi.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PORTMAN_CONFIG = Path.of("openapi/portman/portman-config.json");
    private static final String MANAGE = "/api/v1/manage";

    /** First: with -Dopenapi.update=true it rewrites the document the other tests read. */
    @Test
    @Order(1)
    void theCommittedDocumentIsTheServedDocument() throws Exception {
        String served = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        JsonNode servedTree = JSON.readTree(served);
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(CONTRACT, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(servedTree) + "\n");
        }
        assertEquals(JSON.readTree(Files.readString(CONTRACT)), servedTree,
                "openapi/openapi.json differs from /q/openapi: run ./mvnw verify -Dopenapi.update=true and commit the diff");
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    /**
     * Calls every operation of the committed document with valid requests and with the errors each can meet, and
     * checks every answer (status, media type, body) against the document: an undocumented status fails.
     */
    @Test
    void everyOperationAnswersAsTheCommittedDocumentSays() {
        OpenApiContract contract = new OpenApiContract(CONTRACT);
        List<io.restassured.filter.Filter> before = List.copyOf(RestAssured.filters());
        RestAssured.filters(contract);
        try {
            publicAndSignIn();
            String storyId = stories();
            workflowAndImport(storyId);
            organisationsTopicsAndKeyMessages();
            consumersAndAudit();
            delivery();
            media();
            social();
            analytics();
        } finally {
            RestAssured.replaceFiltersWith(before);
        }
        Set<String> missed = new TreeSet<>(contract.operations());
        missed.removeAll(contract.covered());
        assertEquals(Set.of(), missed, "operations this test did not call");
        assertEquals(List.of(), contract.mismatches(), "answers that differ from openapi/openapi.json");
    }

    /** The check is not vacuous: a status the document does not list, or a body its schema refuses, is reported. */
    @Test
    void anAnswerOutsideTheDocumentIsReported() throws Exception {
        ObjectNode document = (ObjectNode) JSON.readTree(Files.readString(CONTRACT));
        ((ObjectNode) document.at("/paths/~1api~1v1~1topics/get/responses")).remove("406");
        ((ObjectNode) document.at("/components/schemas/Pong")).withArray("required").add("uptime");
        Path altered = Files.createTempFile("openapi", ".json");
        Files.writeString(altered, document.toString());
        OpenApiContract contract = new OpenApiContract(altered);
        given().filter(contract).accept("application/xml").get("/api/v1/topics").then().statusCode(406);
        given().filter(contract).get("/api/v1/ping").then().statusCode(200);
        assertEquals(2, contract.mismatches().size(), contract.mismatches().toString());
        assertTrue(contract.mismatches().get(0).contains("status not documented"), contract.mismatches().get(0));
        assertTrue(contract.mismatches().get(1).contains("uptime"), contract.mismatches().get(1));
        Files.delete(altered);
    }

    private static void publicAndSignIn() {
        given().get("/api/v1/ping").then().statusCode(200);
        given().get("/api/v1/content-model").then().statusCode(200);
        given().get("/api/v1/topics").then().statusCode(200);
        given().accept("application/xml").get("/api/v1/topics").then().statusCode(406);
        signIn(Map.of("username", "editor.mofa", "password", "demo-editor")).then().statusCode(200);
        signIn(Map.of("username", "editor.mofa", "password", "wrong")).then().statusCode(401);
        signIn(Map.of("user", "editor.mofa")).then().statusCode(400);
        given().contentType(ContentType.TEXT).body("editor.mofa").post("/api/v1/demo/sign-in").then().statusCode(415);
    }

    private static io.restassured.response.Response signIn(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/demo/sign-in");
    }

    private static String stories() {
        Stories story = Stories.article().inLanguages("vi");
        String id = editor().header("Idempotency-Key", UUID.randomUUID().toString()).body(story.build()).post(MANAGE + "/stories")
                .then().statusCode(201).extract().path("id");
        editor().body(Map.of("type", "no such type")).post(MANAGE + "/stories").then().statusCode(400);
        editor().contentType(ContentType.TEXT).body("{}").post(MANAGE + "/stories").then().statusCode(415);
        given().get(MANAGE + "/stories").then().statusCode(401);
        editor().get(MANAGE + "/stories?limit=1").then().statusCode(200);
        editor().get(MANAGE + "/stories?limit=0").then().statusCode(400);
        editor().get(MANAGE + "/stories/{id}", "st_unknown").then().statusCode(404);
        String etag = editor().get(MANAGE + "/stories/{id}", id).then().statusCode(200).extract().header("ETag");
        Map<String, Object> attributes = Map.of("type", "article", "fields", Map.of("dateline", "HUE"), "countries", List.of("VN"));
        editor().body(attributes).put(MANAGE + "/stories/{id}", id).then().statusCode(428);
        editor().header("If-Match", "\"999\"").body(attributes).put(MANAGE + "/stories/{id}", id).then().statusCode(412);
        editor().header("If-Match", etag).body(attributes).put(MANAGE + "/stories/{id}", id).then().statusCode(200);
        editor().get(MANAGE + "/stories/{id}/attribute-revisions", id).then().statusCode(200);

        String localization = MANAGE + "/stories/{id}/localizations/{lang}";
        editor().body(story.localization("en")).put(localization, id, "en").then().statusCode(201);
        String enTag = editor().get(localization, id, "en").then().statusCode(200).extract().header("ETag");
        Map<String, Object> revised = story.localization("en");
        revised.put("title", "Revised " + story.unique());
        enTag = editor().header("If-Match", enTag).body(revised).put(localization, id, "en").then().statusCode(200).extract().header("ETag");
        editor().get(localization + "/revisions", id, "en").then().statusCode(200);
        editor().get(localization + "/revisions/{number}", id, "en", 1).then().statusCode(200);
        editor().get(localization + "/revisions/{number}", id, "en", 0).then().statusCode(400);
        editor().get(localization + "/diff?from=1&to=2", id, "en").then().statusCode(200);
        editor().header("If-Match", enTag).post(localization + "/revisions/{number}/restore", id, "en", 1).then().statusCode(200);
        return id;
    }

    private static void workflowAndImport(String storyId) {
        String workflow = MANAGE + "/stories/{id}/localizations/{lang}/workflow";
        String etag = editor().get(MANAGE + "/stories/{id}/localizations/{lang}", storyId, "vi").then().extract().header("ETag");
        etag = editor().header("If-Match", etag).body(Map.of("action", "submit")).post(workflow, storyId, "vi").then().statusCode(200)
                .extract().header("ETag");
        editor().header("If-Match", etag).body(Map.of("action", "submit")).post(workflow, storyId, "vi").then().statusCode(409);
        editor().get(workflow, storyId, "vi").then().statusCode(200);
        Api.asAdmin().body(Map.of("storyIds", List.of(storyId))).post(MANAGE + "/workflow/publish-drafts").then().statusCode(200);
        Api.asAdmin().body(Map.of("storyIds", List.of())).post(MANAGE + "/workflow/publish-drafts").then().statusCode(400);
        Api.as("contributor.embassy-fr").body(Map.of("storyIds", List.of(storyId))).post(MANAGE + "/workflow/publish-drafts")
                .then().statusCode(403);

        String line = "{\"externalId\":\"contract-" + UUID.randomUUID() + "\",\"type\":\"article\",\"fields\":{\"dateline\":\"HA NOI\"},"
                + "\"localizations\":[{\"lang\":\"fr\",\"title\":\"Import\"}]}";
        editor().contentType("application/x-ndjson").body((line + "\n{\"type\":\"no-such\"}\n[]\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)).post(MANAGE + "/imports/stories")
                .then().statusCode(200);
        editor().get(MANAGE + "/reports/translations?lang=fr&limit=5").then().statusCode(200);
        editor().get(MANAGE + "/reports/translations?lang=xx-!").then().statusCode(400);
    }

    private static void organisationsTopicsAndKeyMessages() {
        String code = "contract-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> organisation = Map.of("name", "Contract test outlet", "kind", "partner-outlet");
        String etag = Api.asAdmin().body(organisation).put(MANAGE + "/organisations/{code}", code).then().statusCode(201).extract().header("ETag");
        Api.asAdmin().body(organisation).put(MANAGE + "/organisations/{code}", code).then().statusCode(428);
        Api.asAdmin().header("If-Match", etag).body(organisation).put(MANAGE + "/organisations/{code}", code).then().statusCode(200);
        Api.asAdmin().body(Map.of("name", "", "kind", "x")).put(MANAGE + "/organisations/{code}", "Bad Code").then().statusCode(400);
        editor().get(MANAGE + "/organisations").then().statusCode(200);

        String topicEtag = Api.asAdmin().body(Map.of("labels", Map.of("en", "Contract"))).put(MANAGE + "/topics/{code}", code).then().statusCode(201)
                .extract().header("ETag");
        Api.asAdmin().body(Map.of("labels", Map.of("en", "Contract"))).put(MANAGE + "/topics/{code}", code).then().statusCode(428);
        Api.asAdmin().header("If-Match", topicEtag).body(Map.of("labels", Map.of("en", "Contract", "fr", "Contrat")))
                .put(MANAGE + "/topics/{code}", code).then().statusCode(200);
        Api.asAdmin().header("If-Match", topicEtag).body(Map.of("labels", Map.of("en", "Stale"))).put(MANAGE + "/topics/{code}", code).then().statusCode(412);
        Api.asAdmin().body(Map.of("labels", Map.of())).put(MANAGE + "/topics/{code}", code).then().statusCode(400);
        editor().body(Map.of("labels", Map.of("en", "Contract"))).put(MANAGE + "/topics/{code}", code).then().statusCode(403);

        Map<String, Object> message = Map.of("code", code, "translations", Map.of("en", "An open economy", "fr", "Une économie ouverte"));
        String key = UUID.randomUUID().toString();
        RequestSpecification approver = Api.as("approver.mofa");
        String messageTag = approver.header("Idempotency-Key", key).body(message).post(MANAGE + "/key-messages").then().statusCode(201)
                .extract().header("ETag");
        Api.as("approver.mofa").header("Idempotency-Key", key).body(message).post(MANAGE + "/key-messages").then().statusCode(201);
        Api.as("approver.mofa").body(message).post(MANAGE + "/key-messages").then().statusCode(409);
        editor().get(MANAGE + "/key-messages").then().statusCode(200);
        editor().get(MANAGE + "/key-messages/{code}", code).then().statusCode(200);
        Api.as("approver.mofa").header("If-Match", messageTag).body(message).put(MANAGE + "/key-messages/{code}", code).then().statusCode(200);
        editor().get(MANAGE + "/key-messages/coverage").then().statusCode(200);
    }

    private static void consumersAndAudit() {
        Map<String, Object> consumer = Map.of("name", "Contract consumer", "kind", "partner-outlet", "scopes", List.of("content:read"));
        String id = Api.asAdmin().body(consumer).post(MANAGE + "/consumers").then().statusCode(201).extract().path("id");
        Api.asAdmin().body(Map.of("name", "x")).post(MANAGE + "/consumers").then().statusCode(400);
        editor().get(MANAGE + "/consumers").then().statusCode(403);
        Api.asAdmin().get(MANAGE + "/consumers").then().statusCode(200);
        String etag = Api.asAdmin().get(MANAGE + "/consumers/{id}", id).then().statusCode(200).extract().header("ETag");
        Api.asAdmin().header("If-Match", etag).body(consumer).put(MANAGE + "/consumers/{id}", id).then().statusCode(200);
        String keyId = Api.asAdmin().body(Map.of()).post(MANAGE + "/consumers/{id}/keys", id).then().statusCode(201).extract().path("id");
        Api.asAdmin().body(Map.of("expiresAt", "2001-01-01T00:00:00Z")).post(MANAGE + "/consumers/{id}/keys", id).then().statusCode(400);
        Api.asAdmin().get(MANAGE + "/consumers/{id}/keys", id).then().statusCode(200);
        Api.asAdmin().delete(MANAGE + "/consumers/{id}/keys/{keyId}", id, keyId).then().statusCode(200);
        Api.asAdmin().delete(MANAGE + "/consumers/{id}/keys/{keyId}", id, "key_unknown").then().statusCode(404);
        Api.asAdmin().get(MANAGE + "/audit?limit=5").then().statusCode(200);
        Api.asAdmin().get(MANAGE + "/audit?since=yesterday").then().statusCode(400);
        outbox();
        webhooks(id);
    }

    private static void webhooks(String consumerId) {
        String hooks = MANAGE + "/consumers/" + consumerId + "/webhooks";
        // Port 9 (discard) on loopback, the test profile's allowed network: nothing answers, so deliveries are retried and parked.
        Map<String, Object> subscription = Map.of("url", "http://127.0.0.1:9/hooks", "eventTypes", List.of("test.ping"));
        String id = Api.asAdmin().body(subscription).post(hooks).then().statusCode(201).extract().path("subscription.id");
        Api.asAdmin().body(Map.of("url", "http://10.0.0.1/hooks", "eventTypes", List.of("test.ping"))).post(hooks).then().statusCode(400);
        editor().get(hooks).then().statusCode(403);
        Api.asAdmin().get(hooks).then().statusCode(200);
        String etag = Api.asAdmin().get(hooks + "/{id}", id).then().statusCode(200).extract().header("ETag");
        Api.asAdmin().get(hooks + "/{id}", "unknown").then().statusCode(404);
        Api.asAdmin().body(subscription).put(hooks + "/{id}", id).then().statusCode(428);
        etag = Api.asAdmin().header("If-Match", etag).body(subscription).put(hooks + "/{id}", id).then().statusCode(200).extract().header("ETag");
        Api.asAdmin().header("If-Match", "\"v1\"").body(subscription).put(hooks + "/{id}", id).then().statusCode(412);
        etag = Api.asAdmin().body(Map.of("graceSeconds", 60)).post(hooks + "/{id}/rotate-secret", id).then().statusCode(200)
                .extract().path("subscription.version").toString();
        Api.asAdmin().body(Map.of("graceSeconds", -1)).post(hooks + "/{id}/rotate-secret", id).then().statusCode(400);
        String deliveryId = Api.asAdmin().post(hooks + "/{id}/ping", id).then().statusCode(202).extract().path("deliveryId");
        Api.asAdmin().get(hooks + "/{id}/deliveries?limit=5", id).then().statusCode(200);
        Api.asAdmin().get(hooks + "/{id}/deliveries?status=lost", id).then().statusCode(400);
        Api.asAdmin().post(hooks + "/{id}/deliveries/{deliveryId}/replay", id, deliveryId).then().statusCode(202);
        Api.asAdmin().post(hooks + "/{id}/deliveries/{deliveryId}/replay", id, "msg_unknown").then().statusCode(404);
        Api.asAdmin().post(hooks + "/{id}/deliveries/replay-parked?from=2026-01-01T00:00:00Z", id).then().statusCode(202);
        Api.asAdmin().post(hooks + "/{id}/deliveries/replay-parked?from=yesterday", id).then().statusCode(400);
        Api.asAdmin().post(MANAGE + "/webhook-deliveries/replay-parked").then().statusCode(202);
        editor().post(MANAGE + "/webhook-deliveries/replay-parked").then().statusCode(403);
        Api.asAdmin().header("If-Match", "\"v" + etag + "\"").delete(hooks + "/{id}", id).then().statusCode(204);
        Api.asAdmin().header("If-Match", "\"v1\"").delete(hooks + "/{id}", id).then().statusCode(404);
        ownWebhooks();
    }

    private static void ownWebhooks() {
        String own = "/api/v1/consumer/webhooks";
        String key = Consumers.reading("fr").with("scopes", List.of("content:read", "webhooks:manage")).key();
        Map<String, Object> subscription = Map.of("url", "http://127.0.0.1:9/own", "eventTypes", List.of("story.published"));
        String id = reader(key).contentType("application/json").body(subscription).post(own).then().statusCode(201).extract().path("subscription.id");
        reader(key).contentType("application/json").body(Map.of("url", "http://127.0.0.1:9/own", "eventTypes", List.of("story.published"), "languages", List.of("en")))
                .post(own).then().statusCode(400);
        reader(Consumers.reading().key()).get(own).then().statusCode(403);
        given().get(own).then().statusCode(401);
        reader(key).get(own).then().statusCode(200);
        reader(key).contentType("application/json").header("If-Match", "\"v1\"").body(subscription).put(own + "/{id}", id).then().statusCode(200);
        reader(key).contentType("application/json").body(subscription).put(own + "/{id}", id).then().statusCode(428);
        reader(key).post(own + "/{id}/ping", id).then().statusCode(202);
        reader(key).get(own + "/{id}/deliveries", id).then().statusCode(200);
        reader(key).get(own + "/{id}/deliveries?status=lost", id).then().statusCode(400);
        reader(key).post(own + "/{id}/deliveries/replay-parked", id).then().statusCode(202);
        reader(key).post(own + "/{id}/deliveries/replay-parked?to=soon", id).then().statusCode(400);
        reader(key).header("If-Match", "\"v2\"").delete(own + "/{id}", id).then().statusCode(204);
        reader(key).header("If-Match", "\"v2\"").delete(own + "/{id}", id).then().statusCode(404);
    }

    private static void outbox() {
        Api.asAdmin().get(MANAGE + "/outbox/handlers").then().statusCode(200);
        editor().get(MANAGE + "/outbox/handlers").then().statusCode(403);
        Api.asAdmin().get(MANAGE + "/outbox/parked?limit=5").then().statusCode(200);
        Api.asAdmin().get(MANAGE + "/outbox/parked?limit=500").then().statusCode(400);
        Api.asAdmin().post(MANAGE + "/outbox/parked/{handler}/{eventId}/replay", "probe-count", 1).then().statusCode(404);
        Api.asAdmin().post(MANAGE + "/outbox/parked/{handler}/{eventId}/replay", "probe-count", "x").then().statusCode(400);
        Api.asAdmin().body(Map.of("handler", "probe-count")).post(MANAGE + "/outbox/replays").then().statusCode(200);
        Api.asAdmin().body(Map.of("toEventId", 3)).post(MANAGE + "/outbox/replays").then().statusCode(400);
    }

    private static void delivery() {
        String id = Publishing.published(Stories.article().inLanguages("fr", "en"));
        String key = Consumers.reading().key();
        String slug = reader(key).get("/api/v1/stories/{id}?lang=fr", id).then().statusCode(200).extract().path("slug");
        String etag = reader(key).get("/api/v1/stories?limit=2").then().statusCode(200).extract().header("ETag");
        reader(key).header("If-None-Match", etag).get("/api/v1/stories?limit=2").then().statusCode(304);
        reader(key).get("/api/v1/stories?limit=500").then().statusCode(400);
        reader(key).get("/api/v1/stories/{id}", "st_unknown").then().statusCode(404);
        reader(key).get("/api/v1/stories/by-slug/{lang}/{slug}", "fr", slug).then().statusCode(200);
        reader(key).get("/api/v1/stories/{id}/ninjs?lang=en", id).then().statusCode(200);
        reader(key).get("/api/v1/stories/{id}/jsonld", id).then().statusCode(200);
        for (String format : List.of("rss", "atom", "json")) {
            reader(key).get("/api/v1/feeds/{lang}.{format}", "fr", format).then().statusCode(200);
        }
        String token = reader(key).get("/api/v1/sync?limit=1").then().statusCode(200).extract().path("token");
        reader(key).get("/api/v1/sync?token={token}", token).then().statusCode(200);
        reader(key).get("/api/v1/sync?token=forged").then().statusCode(400);
        reader(key).get("/api/v1/key-messages").then().statusCode(200);
        reader(key).get("/api/v1/consumer").then().statusCode(200);
        given().get("/api/v1/stories").then().statusCode(401);
        reader(Consumers.reading().with("scopes", List.of("analytics:write")).key()).get("/api/v1/stories").then().statusCode(403);
        String limited = Consumers.reading().with("requestsPerMinute", 1).key();
        reader(limited).get("/api/v1/consumer").then().statusCode(200);
        reader(limited).get("/api/v1/consumer").then().statusCode(429);
        search(key);
        receipts(id);
    }

    private static void receipts(String storyId) {
        Api.as("approver.mofa").get(MANAGE + "/stories/{id}/receipts", storyId).then().statusCode(200);
        Api.as("approver.mofa").get(MANAGE + "/stories/{id}/receipts", "st_unknown").then().statusCode(404);
        given().get(MANAGE + "/stories/{id}/receipts", storyId).then().statusCode(401);
        Api.as("approver.mofa").get(MANAGE + "/reports/receipts?since=2026-01-01T00:00:00Z").then().statusCode(200);
        Api.as("approver.mofa").get(MANAGE + "/reports/receipts?since=yesterday").then().statusCode(400);
        Api.as("approver.mofa").get(MANAGE + "/reports/receipts?organisation=someone-else").then().statusCode(403);
    }

    private static void search(String key) {
        reader(key).get("/api/v1/search?q=coopération&lang=fr,en&limit=5").then().statusCode(200);
        reader(key).get("/api/v1/search?q=" + "x".repeat(201)).then().statusCode(400);
        given().get("/api/v1/search").then().statusCode(401);
        editor().get(MANAGE + "/search?q=test&state=draft").then().statusCode(200);
        editor().get(MANAGE + "/search?limit=0").then().statusCode(400);
        given().get(MANAGE + "/search").then().statusCode(401);
        Api.asAdmin().post(MANAGE + "/search-index/consistency-check").then().statusCode(200);
        editor().post(MANAGE + "/search-index/consistency-check").then().statusCode(403);
        Api.asAdmin().post(MANAGE + "/search-index/reindex").then().statusCode(200);
        editor().post(MANAGE + "/search-index/reindex").then().statusCode(403);
    }

    private static void media() {
        String media = MANAGE + "/media";
        byte[] photo = org.imagehub.testing.TestImages.jpeg(400, 300);
        String id = editor().contentType("multipart/form-data").multiPart("file", "p.jpg", photo, "image/jpeg").post(media)
                .then().statusCode(201).extract().path("id");
        editor().contentType("multipart/form-data").multiPart("file", "p.jpg", photo, "image/jpeg").post(media).then().statusCode(200);
        editor().contentType("multipart/form-data").multiPart("file", "p.jpg", org.imagehub.testing.TestImages.pdf(), "image/jpeg").post(media)
                .then().statusCode(415);
        editor().contentType("multipart/form-data").multiPart("file", "p.png", org.imagehub.testing.TestImages.pngHeaderClaiming(100_000, 100_000),
                "image/png").post(media).then().statusCode(413);
        editor().get(media + "?limit=1").then().statusCode(200);
        editor().get(media + "?kind=audio").then().statusCode(400);
        editor().get(media + "/{id}", id).then().statusCode(200);
        editor().get(media + "/{id}", "nothing").then().statusCode(404);
        editor().body(Map.of("credit", "Photo: VNA")).put(media + "/{id}", id).then().statusCode(428);
        editor().header("If-Match", "\"v9\"").body(Map.of("credit", "Photo: VNA")).put(media + "/{id}", id).then().statusCode(412);
        editor().header("If-Match", "\"v1\"").body(Map.of("credit", "Photo: VNA")).put(media + "/{id}", id).then().statusCode(200);
        String original = editor().get(media + "/{id}", id).then().extract().path("original.url");
        editor().get(original).then().statusCode(200);
        given().get(original).then().statusCode(404);
        String storyId = Api.as("editor.mofa").body(Stories.article().inLanguages("fr").build()).post(MANAGE + "/stories").then().statusCode(201)
                .extract().path("id");
        String etag = editor().get(MANAGE + "/stories/{id}/media", storyId).then().statusCode(200).extract().header("ETag");
        editor().header("If-Match", etag).body(Map.of("items", List.of(Map.of("assetId", id, "role", "gallery"))))
                .put(MANAGE + "/stories/{id}/media", storyId).then().statusCode(200);
        editor().delete(media + "/{id}", id).then().statusCode(409);
        editor().delete(media + "/{id}", "nothing").then().statusCode(404);
        Api.asAdmin().body(Map.of()).post(media + "/orphan-sweeps").then().statusCode(200);
        String upload = editor().body(Map.of("contentType", "video/mp4", "bytes", 1000, "filename", "v.mp4")).post(media + "/uploads")
                .then().statusCode(201).extract().path("id");
        editor().body(Map.of("contentType", "video/mp4", "bytes", 6L << 30)).post(media + "/uploads").then().statusCode(413);
        editor().body(Map.of("contentType", "text/plain", "bytes", 10)).post(media + "/uploads").then().statusCode(400);
        editor().post(media + "/uploads/{id}/complete", upload).then().statusCode(400);
        editor().post(media + "/uploads/{id}/complete", "nothing").then().statusCode(404);
        editor().delete(media + "/uploads/{id}", upload).then().statusCode(204);
        editor().delete(media + "/uploads/{id}", "nothing").then().statusCode(404);
        editor().body(Map.of()).post(media + "/orphan-sweeps").then().statusCode(403);
    }

    private static void social() {
        String social = MANAGE + "/social";
        String schedulerId = Api.asAdmin().body(Map.of("name", "Contract scheduler", "kind", "social-scheduler", "organisation", "mofa", "scopes", List.of("social:schedule")))
                .post(MANAGE + "/consumers").then().statusCode(201).extract().path("id");
        String key = Api.asAdmin().body(Map.of()).post(MANAGE + "/consumers/{id}/keys", schedulerId).then().statusCode(201).extract().path("key");
        Map<String, Object> account = Map.of("network", "x", "handle", "@contract_" + System.nanoTime(), "languages", List.of("fr"),
                "timeZone", "Europe/Paris", "schedulerConsumer", schedulerId);
        String accountId = Api.as("approver.mofa").body(account).post(social + "/accounts").then().statusCode(201).extract().path("id");
        Api.as("approver.mofa").body(Map.of("network", "myspace", "handle", "@x", "languages", List.of("fr"), "timeZone", "Europe/Paris"))
                .post(social + "/accounts").then().statusCode(400);
        editor().body(account).post(social + "/accounts").then().statusCode(403);
        Api.as("approver.mofa").body(account).post(social + "/accounts").then().statusCode(409);
        editor().get(social + "/accounts").then().statusCode(200);
        editor().get(social + "/accounts/{id}", accountId).then().statusCode(200);
        editor().get(social + "/accounts/{id}", "unknown").then().statusCode(404);
        Api.as("approver.mofa").body(account).put(social + "/accounts/{id}", accountId).then().statusCode(428);
        Api.as("approver.mofa").header("If-Match", "\"v9\"").body(account).put(social + "/accounts/{id}", accountId).then().statusCode(412);
        Api.as("approver.mofa").header("If-Match", "\"v1\"").body(account).put(social + "/accounts/{id}", accountId).then().statusCode(200);
        editor().get(social + "/networks").then().statusCode(200);
        editor().get(social + "/networks/{network}", "bluesky").then().statusCode(200);
        editor().get(social + "/networks/{network}", "myspace").then().statusCode(404);

        String storyId = Publishing.published(Stories.article().inLanguages("fr"));
        Map<String, Object> post = Map.of("storyId", storyId, "lang", "fr", "accountId", accountId, "text", "Coopération renforcée.",
                "hashtags", List.of("Vietnam"), "scheduledAt", "2026-10-25T09:00");
        String postId = editor().body(post).post(social + "/posts").then().statusCode(201).extract().path("id");
        editor().body(Map.of("storyId", storyId, "lang", "fr", "accountId", accountId, "text", "mot ".repeat(100))).post(social + "/posts")
                .then().statusCode(400);
        editor().body(Map.of("storyId", storyId, "lang", "fr", "accountId", accountId)).post(social + "/posts/drafts").then().statusCode(201);
        editor().body(Map.of("storyId", "st_unknown", "lang", "fr", "accountId", accountId)).post(social + "/posts/drafts").then().statusCode(400);
        editor().get(social + "/posts?limit=5").then().statusCode(200);
        editor().get(social + "/posts?state=lost").then().statusCode(400);
        editor().get(social + "/posts/{id}", postId).then().statusCode(200);
        editor().get(social + "/posts/{id}", "unknown").then().statusCode(404);
        editor().body(post).put(social + "/posts/{id}", postId).then().statusCode(428);
        editor().header("If-Match", "\"v9\"").body(post).put(social + "/posts/{id}", postId).then().statusCode(412);
        editor().header("If-Match", "\"v1\"").body(post).put(social + "/posts/{id}", postId).then().statusCode(200);
        editor().post(social + "/posts/{id}/approve", postId).then().statusCode(403);
        Api.as("approver.mofa").post(social + "/posts/{id}/approve", postId).then().statusCode(428);
        Api.as("approver.mofa").header("If-Match", "\"v1\"").post(social + "/posts/{id}/approve", postId).then().statusCode(412);
        Api.as("approver.mofa").header("If-Match", "\"v2\"").post(social + "/posts/{id}/approve", postId).then().statusCode(200);
        Api.as("approver.mofa").header("If-Match", "*").post(social + "/posts/{id}/approve", postId).then().statusCode(409);
        Api.as("approver.mofa").post(social + "/posts/{id}/takedown", postId).then().statusCode(409);
        editor().get(social + "/calendar?from=2026-10-20T00:00:00Z&to=2026-10-30T00:00:00Z").then().statusCode(200);
        editor().get(social + "/calendar?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z").then().statusCode(400);
        String feed = Api.as("approver.mofa").post(social + "/calendar/feeds/{organisation}", "mofa").then().statusCode(201).extract().path("url");
        editor().post(social + "/calendar/feeds/{organisation}", "mofa").then().statusCode(403);
        given().get(feed).then().statusCode(200);
        given().get("/api/v1/social/calendars/{organisation}.ics?token=wrong", "mofa").then().statusCode(404);

        String due = reader(key).get("/api/v1/social/due?from=2026-10-25T00:00:00Z&to=2026-10-26T00:00:00Z").then().statusCode(200)
                .extract().header("ETag");
        reader(key).header("If-None-Match", due).get("/api/v1/social/due?from=2026-10-25T00:00:00Z&to=2026-10-26T00:00:00Z").then().statusCode(304);
        reader(key).get("/api/v1/social/due?limit=500").then().statusCode(400);
        reader(Consumers.reading().key()).get("/api/v1/social/due").then().statusCode(403);
        given().get("/api/v1/social/due").then().statusCode(401);
        reader(key).get("/api/v1/social/networks").then().statusCode(200);
        String lease = reader(key).contentType("application/json").body(Map.of("leaseSeconds", 600)).post("/api/v1/social/posts/{id}/claim", postId)
                .then().statusCode(200).extract().path("leaseId");
        reader(key).contentType("application/json").body(Map.of()).post("/api/v1/social/posts/{id}/claim", postId).then().statusCode(409);
        reader(key).contentType("application/json").body(Map.of("leaseSeconds", 0)).post("/api/v1/social/posts/{id}/claim", postId).then().statusCode(400);
        reader(key).contentType("application/json").body(Map.of()).post("/api/v1/social/posts/{id}/claim", "unknown").then().statusCode(404);
        Map<String, Object> metrics = Map.of("at", "2026-10-25T12:00:00Z", "impressions", 10);
        reader(key).contentType("application/json").body(metrics).post("/api/v1/social/posts/{id}/metrics", postId).then().statusCode(409);
        reader(key).contentType("application/json").body(Map.of("status", "sent")).post("/api/v1/social/posts/{id}/result", postId).then().statusCode(400);
        reader(key).contentType("application/json").body(Map.of("status", "posted", "leaseId", lease, "externalId", "1",
                "externalUrl", "https://x.com/contract/status/1")).post("/api/v1/social/posts/{id}/result", postId).then().statusCode(204);
        reader(key).contentType("application/json").body(metrics).post("/api/v1/social/posts/{id}/metrics", postId).then().statusCode(201);
        reader(key).contentType("application/json").body(metrics).post("/api/v1/social/posts/{id}/metrics", postId).then().statusCode(200);
        reader(key).contentType("application/json").body(Map.of("impressions", 1)).post("/api/v1/social/posts/{id}/metrics", postId).then().statusCode(400);
        reader(key).contentType("application/json").body(Map.of("status", "taken-down")).post("/api/v1/social/posts/{id}/result", "unknown")
                .then().statusCode(404);
        String shortUrl = editor().get(social + "/posts/{id}", postId).then().extract().path("link.url");
        given().redirects().follow(false).get("/l/{code}", shortUrl.substring(shortUrl.lastIndexOf('/') + 1)).then().statusCode(302);
        given().redirects().follow(false).get("/l/{code}", "zzzzzzzzzz").then().statusCode(404);
        Api.as("approver.mofa").body(Map.of("reason", "correction")).post(social + "/posts/{id}/takedown", postId).then().statusCode(200);
        reader(key).get("/api/v1/social/takedowns").then().statusCode(200);
        editor().body(Map.of()).post(social + "/posts/{id}/cancel", postId).then().statusCode(409);
        String other = editor().body(post).post(social + "/posts").then().statusCode(201).extract().path("id");
        editor().body(Map.of("reason", "postponed")).post(social + "/posts/{id}/cancel", other).then().statusCode(200);
    }

    private static void reports() {
        String reports = MANAGE + "/reports";
        for (String report : List.of("reach", "top-stories", "key-message-coverage", "translation-speed", "correction-reach")) {
            editor().get(reports + "/" + report).then().statusCode(200);
            editor().accept("text/csv").get(reports + "/" + report).then().statusCode(200);
            editor().get(reports + "/" + report + "?from=2026-13-01").then().statusCode(400);
            Api.as("editor.hue").get(reports + "/" + report + "?organisation=mofa").then().statusCode(403);
        }
        String org = "contract-" + Long.toString(System.nanoTime(), 36);
        Api.asAdmin().body(Map.of("name", "Contract organisation", "kind", "province")).put(MANAGE + "/organisations/" + org).then().statusCode(201);
        Api.asPerson("editor." + org, org, "editor").get(reports + "/criteria/{org}", org).then().statusCode(404);
        Map<String, Object> criteria = Map.of("period", "month", "kpis", List.of(Map.of("id", "reach", "name", "Reach", "measure", "reach", "target", 100, "weight", 1)));
        Api.asPerson("approver." + org, org, "approver").body(Map.of("period", "month", "kpis", List.of(Map.of("id", "x")))).put(reports + "/criteria/{org}", org).then().statusCode(400);
        Api.asPerson("editor." + org, org, "editor").body(criteria).put(reports + "/criteria/{org}", org).then().statusCode(403);
        Api.asPerson("approver." + org, org, "approver").body(criteria).put(reports + "/criteria/{org}", org).then().statusCode(200);
        Api.asPerson("approver." + org, org, "approver").body(criteria).put(reports + "/criteria/{org}", org).then().statusCode(428);
        Api.asPerson("approver." + org, org, "approver").header("If-Match", "\"v99\"").body(criteria).put(reports + "/criteria/{org}", org).then().statusCode(412);
        Api.asPerson("approver." + org, org, "approver").get(reports + "/criteria/{org}", org).then().statusCode(200);
        Api.asPerson("approver." + org, org, "approver").get(reports + "/criteria/{org}", "mofa").then().statusCode(403);
        Api.asPerson("approver." + org, org, "approver").get(reports + "/scorecard").then().statusCode(200);
        Api.asPerson("approver." + org, org, "approver").accept("text/csv").get(reports + "/scorecard?period=2026-Q4").then().statusCode(200);
        Api.asPerson("approver." + org, org, "approver").get(reports + "/scorecard?period=someday").then().statusCode(400);
        Api.asPerson("approver." + org, org, "approver").get(reports + "/scorecard?organisation=mofa").then().statusCode(403);
        Api.as("approver.mofa").get(reports + "/scorecard?organisation=embassy-fr").then().statusCode(404);
        Api.as("approver.mofa").get(reports + "/ranking").then().statusCode(200);
        Api.as("approver.mofa").accept("text/csv").get(reports + "/ranking?period=2026-W48").then().statusCode(200);
        Api.as("approver.mofa").get(reports + "/ranking?period=2026-W60").then().statusCode(400);
        Api.asPerson("approver." + org, org, "approver").get(reports + "/ranking").then().statusCode(403);
    }

    private static void analytics() {
        String analytics = MANAGE + "/analytics";
        given().get("/api/v1/analytics/beacon.js").then().statusCode(200);
        String siteId = Api.asAdmin().body(Map.of("name", "Contract site", "kind", "embassy-site", "scopes", List.of("analytics:write")))
                .post(MANAGE + "/consumers").then().statusCode(201).extract().path("id");
        String key = Api.asAdmin().body(Map.of()).post(MANAGE + "/consumers/{id}/keys", siteId).then().statusCode(201).extract().path("key");
        Api.asAdmin().get(analytics + "/sites/{id}", siteId).then().statusCode(404);
        Api.asAdmin().body(Map.of("origins", List.of("ftp://site.example"))).put(analytics + "/sites/{id}", siteId).then().statusCode(400);
        editor().body(Map.of("origins", List.of("https://site.example"))).put(analytics + "/sites/{id}", siteId).then().statusCode(403);
        Api.asAdmin().body(Map.of("origins", List.of("https://site.example"))).put(analytics + "/sites/{id}", "unknown").then().statusCode(404);
        Api.asAdmin().body(Map.of("origins", List.of("https://site.example"))).put(analytics + "/sites/{id}", siteId).then().statusCode(200);
        Api.asAdmin().get(analytics + "/sites/{id}", siteId).then().statusCode(200);
        String storyId = Publishing.published(Stories.article().inLanguages("fr"));
        String view = "{\"id\": \"pv-contract-1\", \"storyId\": \"" + storyId + "\", \"lang\": \"fr\", \"url\": \"https://site.example/fr/a\"}";
        given().queryParam("key", key).header("Origin", "https://site.example").header("User-Agent", "Mozilla/5.0 Contract").contentType("text/plain")
                .body(view).post("/api/v1/analytics/events").then().statusCode(202);
        given().queryParam("key", key).header("Origin", "https://other.example").header("User-Agent", "Mozilla/5.0 Contract").contentType("text/plain")
                .body(view).post("/api/v1/analytics/events").then().statusCode(403);
        given().queryParam("key", key).header("Origin", "https://site.example").contentType("text/plain").body("{\"id\": 1}")
                .post("/api/v1/analytics/events").then().statusCode(400);
        given().header("Origin", "https://site.example").contentType("text/plain").body(view).post("/api/v1/analytics/events").then().statusCode(401);
        Api.asAdmin().post(analytics + "/rollups").then().statusCode(200);
        editor().post(analytics + "/rollups").then().statusCode(403);
        reports();
    }

    private static RequestSpecification editor() {
        return Api.as("editor.mofa");
    }

    private static RequestSpecification reader(String key) {
        return Consumers.withKey(key);
    }

    /**
     * The Portman run (openapi/portman) checks that every status Newman sees is documented, from the list of documented
     * statuses in its config: that list is the document's (rewritten with {@code -Dopenapi.update=true}).
     */
    @Test
    void thePortmanConfigListsTheDocumentedStatuses() throws Exception {
        JsonNode document = JSON.readTree(Files.readString(CONTRACT));
        ObjectNode documented = JSON.createObjectNode();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            List<String> statuses = new java.util.ArrayList<>();
            operation.getValue().path("responses").fieldNames().forEachRemaining(statuses::add);
            statuses.sort(null);
            statuses.forEach(documented.putArray(operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey())::add);
        }));
        ObjectNode config = (ObjectNode) JSON.readTree(Files.readString(PORTMAN_CONFIG));
        ObjectNode variables = (ObjectNode) config.path("globals").path("collectionVariables");
        if (Boolean.getBoolean("openapi.update") && !documented.equals(JSON.readTree(variables.path("documentedStatuses").asText()))) {
            variables.put("documentedStatuses", JSON.writeValueAsString(documented));
            Files.writeString(PORTMAN_CONFIG, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config) + "\n");
        }
        assertEquals(documented, JSON.readTree(variables.path("documentedStatuses").asText()),
                "openapi/portman/portman-config.json lists other statuses: run ./mvnw verify -Dopenapi.update=true");
    }

    /** A client generator shows each operation's description, and an example of its request or answer. */
    @Test
    void everyOperationHasADescriptionAndAnExample() throws Exception {
        JsonNode document = JSON.readTree(Files.readString(CONTRACT));
        Set<String> lacking = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            JsonNode operation = entry.getValue();
            String name = entry.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
            if (operation.path("description").asText().isBlank()) {
                lacking.add(name + ": no description");
            }
            if (!withReferencedSchemas(document, operation).contains("\"example")) {
                lacking.add(name + ": no example");
            }
        }));
        assertEquals(Set.of(), lacking);
    }

    /** The operation's text and that of every schema it leads to. */
    private static String withReferencedSchemas(JsonNode document, JsonNode operation) {
        StringBuilder text = new StringBuilder(operation.toString());
        Set<String> seen = new java.util.HashSet<>();
        java.util.regex.Pattern reference = java.util.regex.Pattern.compile("\"#/components/schemas/([^\"]+)\"");
        for (int from = 0; from < text.length();) {
            java.util.regex.Matcher refs = reference.matcher(text);
            if (!refs.find(from)) {
                break;
            }
            from = refs.end();
            if (seen.add(refs.group(1))) {
                text.append(document.path("components").path("schemas").path(refs.group(1)));
            }
        }
        return text.toString();
    }
}
