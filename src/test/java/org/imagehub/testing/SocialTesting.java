package org.imagehub.testing;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Social accounts, posts and a scheduler through the API, for the tests of scheduling and of the reports. */
public final class SocialTesting {
    public static final String MANAGE = "/api/v1/manage/social";
    public static final String SCHEDULER = "/api/v1/social";

    private SocialTesting() {
    }

    /** A scheduler consumer: its id (for accounts) and a key. */
    public record Scheduler(String id, String key) {
        public RequestSpecification call() {
            return Consumers.withKey(key);
        }
    }

    public static Scheduler scheduler() {
        String id = Api.asAdmin().body(Map.of("name", "Scheduler " + UUID.randomUUID(), "kind", "social-scheduler", "organisation", "mofa",
                "scopes", List.of("social:schedule"), "requestsPerMinute", 100_000)).post("/api/v1/manage/consumers").then().statusCode(201).extract().path("id");
        String key = Api.asAdmin().body(Map.of()).post("/api/v1/manage/consumers/" + id + "/keys").then().statusCode(201).extract().path("key");
        return new Scheduler(id, key);
    }

    public static String account(String network, String organisation, List<String> languages, String timeZone, Scheduler scheduler) {
        Map<String, Object> body = new HashMap<>(Map.of("network", network, "handle", "@hub_" + UUID.randomUUID().toString().substring(0, 8),
                "organisation", organisation, "languages", languages, "timeZone", timeZone));
        if (scheduler != null) {
            body.put("schedulerConsumer", scheduler.id());
        }
        return Api.as("approver.mofa").body(body).post(MANAGE + "/accounts").then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> post(String storyId, String lang, String accountId, String text, String scheduledAt) {
        Map<String, Object> body = new HashMap<>(Map.of("storyId", storyId, "lang", lang, "accountId", accountId, "text", text, "linkMode", "short"));
        if (scheduledAt != null) {
            body.put("scheduledAt", scheduledAt);
        }
        return body;
    }

    public static String created(Map<String, Object> post) {
        return Api.as("editor.mofa").body(post).post(MANAGE + "/posts").then().statusCode(201).extract().path("id");
    }

    /** Approved by approver.mofa, with the ETag of the version it read. */
    public static JsonPath approved(String postId) {
        String etag = Api.as("approver.mofa").get(MANAGE + "/posts/{id}", postId).then().statusCode(200).extract().header("ETag");
        return Api.as("approver.mofa").header("If-Match", etag).post(MANAGE + "/posts/{id}/approve", postId).then().statusCode(200)
                .extract().jsonPath();
    }

    public static List<String> due(Scheduler scheduler, String from, String to) {
        return scheduler.call().queryParam("from", from).queryParam("to", to).get(SCHEDULER + "/due").then().statusCode(200)
                .extract().path("items.id");
    }

    public static JsonPath managed(String postId) {
        return Api.as("editor.mofa").get(MANAGE + "/posts/{id}", postId).then().statusCode(200).extract().jsonPath();
    }

    public static String lease(Scheduler scheduler, String postId) {
        return scheduler.call().contentType("application/json").body(Map.of()).post(SCHEDULER + "/posts/{id}/claim", postId)
                .then().statusCode(200).extract().path("leaseId");
    }

    public static void posted(Scheduler scheduler, String postId, String leaseId) {
        scheduler.call().contentType("application/json").body(Map.of("status", "posted", "leaseId", leaseId, "externalId", "ext-" + postId,
                "externalUrl", "https://social.example/p/" + postId)).post(SCHEDULER + "/posts/{id}/result", postId).then().statusCode(204);
    }
}
