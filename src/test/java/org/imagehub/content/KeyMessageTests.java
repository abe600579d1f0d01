package org.imagehub.content;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.imagehub.testing.Api;
import org.imagehub.testing.Stories;
import org.junit.jupiter.api.Test;

@QuarkusTest
class KeyMessageTests {
    private static final String KEY_MESSAGES = "/api/v1/manage/key-messages";

    @Test
    void keyMessagesAreCreatedTranslatedAndReportedForCoverage() {
        String code = "km-test-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as("approver.mofa").body(Map.of(
                        "code", code,
                        "validFrom", "2026-01-01T00:00:00Z",
                        "validUntil", "2099-01-01T00:00:00Z",
                        "translations", Map.of("vi", "Việt Nam là đối tác tin cậy.", "en", "Viet Nam is a reliable partner.")))
                .post(KEY_MESSAGES).then().statusCode(201)
                .header("ETag", equalTo("\"v1\""))
                .body("owner", equalTo("mofa"))
                .body("active", equalTo(true));

        String path = KEY_MESSAGES + "/" + code;
        Api.as("approver.mofa").header("If-Match", "\"v1\"").body(Map.of(
                        "validFrom", "2026-01-01T00:00:00Z",
                        "validUntil", "2099-01-01T00:00:00Z",
                        "translations", Map.of("vi", "Việt Nam là đối tác tin cậy.", "en", "Viet Nam is a reliable partner.",
                                "zh-hans", "越南是可靠的伙伴。")))
                .put(path).then().statusCode(200)
                .body("translations.'zh-Hans'", equalTo("越南是可靠的伙伴。"))
                .body("version", equalTo(2));

        // A story carrying the message, published in vi and fr only.
        String storyId = StoryLifecycleTests.create(Stories.article().inLanguages("vi", "fr").with("keyMessages", List.of(code)).build());
        org.imagehub.testing.Publishing.publishAll(storyId);

        Api.as("editor.mofa").get(KEY_MESSAGES + "/coverage").then().statusCode(200)
                .body("items.find { it.code == '" + code + "' }.languagesWithContent", equalTo(List.of("vi", "fr")))
                .body("items.find { it.code == '" + code + "' }.languagesWithout", equalTo(List.of("en", "zh-Hans", "uk")))
                .body("items.find { it.code == '" + code + "' }.publishedStories", equalTo(1));
    }

    @Test
    void onlyApproversCreateKeyMessagesAndWindowsMustBeOrdered() {
        Api.as("editor.mofa").body(Map.of("code", "km-x", "translations", Map.of("en", "x"))).post(KEY_MESSAGES).then().statusCode(403);
        Api.as("approver.mofa").body(Map.of("code", "km-window-" + UUID.randomUUID().toString().substring(0, 6),
                        "validFrom", "2027-01-01T00:00:00Z", "validUntil", "2026-01-01T00:00:00Z", "translations", Map.of("en", "x")))
                .post(KEY_MESSAGES).then().statusCode(400).body("errors.field", hasItem("validUntil"));
    }

    /** The code is the path's: a body naming another one is refused, not silently ignored (found by contract fuzzing). */
    @Test
    void anUpdateNamingAnotherCodeIsRefused() {
        String code = "km-code-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> message = Map.of("code", code, "translations", Map.of("en", "Viet Nam is a reliable partner."));
        Api.as("approver.mofa").body(message).post(KEY_MESSAGES).then().statusCode(201);
        Api.as("approver.mofa").header("If-Match", "\"v1\"").body(Map.of("code", code + "-renamed", "translations", Map.of("en", "Renamed")))
                .put(KEY_MESSAGES + "/" + code).then().statusCode(400)
                .body("errors.field", hasItem("code"))
                .body("errors.code", hasItem("mismatch"));
        Api.as("approver.mofa").header("If-Match", "\"v1\"").body(message).put(KEY_MESSAGES + "/" + code).then().statusCode(200)
                .body("version", equalTo(2));
    }
}
