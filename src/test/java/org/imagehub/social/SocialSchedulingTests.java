package org.imagehub.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.imagehub.testing.SocialTesting.MANAGE;
import static org.imagehub.testing.SocialTesting.SCHEDULER;
import static org.imagehub.testing.SocialTesting.account;
import static org.imagehub.testing.SocialTesting.approved;
import static org.imagehub.testing.SocialTesting.created;
import static org.imagehub.testing.SocialTesting.due;
import static org.imagehub.testing.SocialTesting.lease;
import static org.imagehub.testing.SocialTesting.managed;
import static org.imagehub.testing.SocialTesting.post;
import static org.imagehub.testing.SocialTesting.posted;
import static org.imagehub.testing.SocialTesting.scheduler;

import com.twitter.twittertext.TwitterTextParser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.StringReader;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.imagehub.testing.Api;
import org.imagehub.testing.Consumers;
import org.imagehub.testing.Database;
import org.imagehub.testing.Eventually;
import org.imagehub.testing.Publishing;
import org.imagehub.testing.SocialTesting.Scheduler;
import org.imagehub.testing.Stories;
import org.junit.jupiter.api.Test;

/**
 * Social scheduling end to end on the real stack: accounts, variants within each network's rules, approval, the
 * scheduler's due list, claims and leases, results and figures, withdrawal and takedown, short links, the calendar.
 */
@QuarkusTest
class SocialSchedulingTests {
    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private static final List<String> NETWORKS = List.of("x", "facebook", "instagram", "linkedin", "youtube", "tiktok", "threads", "bluesky",
            "telegram", "zalo");

    @Test
    void aVariantOverEachNetworksLimitIsRefusedWithTheRuleNamed() {
        String story = Publishing.published(Stories.article().inLanguages("vi"));
        for (String network : NETWORKS) {
            int allowed = Api.as("editor.mofa").get(MANAGE + "/networks/{n}", network).then().statusCode(200).extract().path("text.maxLength");
            String account = account(network, "mofa", List.of("vi"), "Asia/Ho_Chi_Minh", null);
            Response refused = Api.as("editor.mofa").body(post(story, "vi", account, "Việt Nam ".repeat((allowed + 20) / 9 + 1), null)).post(MANAGE + "/posts");
            refused.then().statusCode(400).contentType("application/problem+json");
            List<Map<String, Object>> errors = refused.jsonPath().getList("errors");
            Map<String, Object> tooLong = errors.stream().filter(error -> (network + ".text.too-long").equals(error.get("code"))).findFirst()
                    .orElseThrow(() -> new AssertionError(network + ": no too-long error in " + errors));
            assertThat(tooLong.get("field")).isEqualTo("text");
            assertThat(((Number) tooLong.get("allowed")).intValue()).as(network).isEqualTo(allowed);
            assertThat(((Number) tooLong.get("counted")).intValue()).as(network).isGreaterThan(allowed);
        }
    }

    @Test
    void moreHashtagsThanTheNetworkTakesAreRefusedNotCut() {
        String story = Publishing.published(Stories.article().inLanguages("fr"));
        Map<String, Object> body = post(story, "fr", account("threads", "mofa", List.of("fr"), "Europe/Paris", null), "Coopération.", null);
        body.put("hashtags", List.of("Vietnam", "France"));
        Response refused = Api.as("editor.mofa").body(body).post(MANAGE + "/posts");
        refused.then().statusCode(400).body("errors.code", hasItem("threads.hashtags.too-many"));
        Map<String, Object> error = refused.jsonPath().<Map<String, Object>>getList("errors").stream()
                .filter(one -> "threads.hashtags.too-many".equals(one.get("code"))).findFirst().orElseThrow();
        assertThat(error).containsEntry("field", "hashtags").containsEntry("counted", 2).containsEntry("allowed", 1);
    }

    @Test
    void xCountsVietnameseWithAUrlAndChineseAsTwitterTextDoes() {
        String story = Publishing.published(Stories.article().inLanguages("vi", "zh-Hans"));
        String vietnamese = account("x", "mofa", List.of("vi", "zh-Hans"), "Asia/Ho_Chi_Minh", null);
        String text = "Việt Nam và Pháp tăng cường hợp tác https://example.vn/tin-tuc/viet-nam-phap";
        Map<String, Object> body = post(story, "vi", vietnamese, text, null);
        body.put("linkMode", "none");
        JsonPath created = Api.as("editor.mofa").body(body).post(MANAGE + "/posts").then().statusCode(201).extract().jsonPath();
        assertThat(created.getString("finalText")).isEqualTo(text);
        // 35 letters and spaces, of which ệ, ờ, ợ (U+1EA0–U+1EF9) weigh 2 on X: 38; a space; the URL weighs 23.
        assertThat(created.getInt("countedLength")).isEqualTo(62).isEqualTo(TwitterTextParser.parseTweet(text).weightedLength);
        assertThat(created.getInt("allowedLength")).isEqualTo(280);

        Map<String, Object> chinese = post(story, "zh-Hans", vietnamese, "越南与法国加强合作", null);
        chinese.put("linkMode", "none");
        JsonPath cjk = Api.as("editor.mofa").body(chinese).post(MANAGE + "/posts").then().statusCode(201).extract().jsonPath();
        assertThat(cjk.getInt("countedLength")).isEqualTo(18).isEqualTo(TwitterTextParser.parseTweet("越南与法国加强合作").weightedLength);

        // With the hub's short link the count is still twitter-text's (in this test run the hub's address is on localhost, which
        // twitter-text does not take for a URL, so here it counts as letters).
        JsonPath linked = Api.as("editor.mofa").body(post(story, "zh-Hans", vietnamese, "越南与法国加强合作", null)).post(MANAGE + "/posts")
                .then().statusCode(201).extract().jsonPath();
        assertThat(linked.getString("finalText")).contains("/l/" );
        assertThat(linked.getInt("countedLength")).isEqualTo(TwitterTextParser.parseTweet(linked.getString("finalText")).weightedLength);
    }

    @Test
    void aPostForNineInParisOnTheDaySummerTimeEndsIsDueAtEightUtc() {
        Scheduler scheduler = scheduler();
        String story = Publishing.published(Stories.article().inLanguages("fr"));
        String account = account("facebook", "mofa", List.of("fr"), "Europe/Paris", scheduler);
        String id = created(post(story, "fr", account, "Le Vietnam et la France renforcent leur coopération.", "2026-10-25T09:00"));
        JsonPath queued = approved(id);
        assertThat(queued.getString("state")).isEqualTo("queued");
        assertThat(queued.getString("scheduledAt")).isEqualTo("2026-10-25T08:00:00Z");
        assertThat(queued.getString("scheduledLocal")).isEqualTo("2026-10-25T09:00+01:00[Europe/Paris]");
        assertThat(due(scheduler, "2026-10-25T07:59:59Z", "2026-10-25T08:00:01Z")).containsExactly(id);
        // Under the summer offset it would have been 07:00Z.
        assertThat(due(scheduler, "2026-10-25T06:30:00Z", "2026-10-25T07:59:59Z")).doesNotContain(id);

        // 02:30 on the spring change does not exist in Paris: refused, not moved.
        Api.as("editor.mofa").body(post(story, "fr", account, "Texte", "2026-03-29T02:30")).post(MANAGE + "/posts").then().statusCode(400)
                .body("errors.code", hasItem("nonexistent-local-time"));
    }

    @Test
    void onlyAnApproverOfTheAccountsOrganisationMakesAPostDue() {
        Scheduler scheduler = scheduler();
        String story = Publishing.published(Stories.article().inLanguages("fr"));
        Map<String, Object> embassyAccount = new HashMap<>(Map.of("network", "linkedin", "handle", "@emb_" + UUID.randomUUID().toString().substring(0, 8),
                "organisation", "embassy-fr", "languages", List.of("fr"), "timeZone", "Europe/Paris", "schedulerConsumer", scheduler.id()));
        String account = Api.asAdmin().body(embassyAccount).post(MANAGE + "/accounts").then().statusCode(201).extract().path("id");
        RequestSpecification embassyEditor = Api.asPerson("editor.embassy-fr", "embassy-fr", "editor");
        String id = embassyEditor.body(post(story, "fr", account, "Coopération renforcée.", "2026-01-01T10:00")).post(MANAGE + "/posts")
                .then().statusCode(201).extract().path("id");
        assertThat(due(scheduler, "2025-12-31T00:00:00Z", "2026-01-02T00:00:00Z")).doesNotContain(id);

        Api.asPerson("editor.embassy-fr", "embassy-fr", "editor").post(MANAGE + "/posts/{id}/approve", id).then().statusCode(403);
        Api.asPerson("approver.hue", "hue-province", "approver").post(MANAGE + "/posts/{id}/approve", id).then().statusCode(403);
        assertThat(due(scheduler, "2025-12-31T00:00:00Z", "2026-01-02T00:00:00Z")).doesNotContain(id);

        Api.asPerson("approver.embassy-fr", "embassy-fr", "approver").post(MANAGE + "/posts/{id}/approve", id).then().statusCode(428);
        // An edit after the approver read the post: approving the version read is refused.
        Map<String, Object> edited = post(story, "fr", account, "Coopération renforcée, texte revu.", "2026-01-01T10:00");
        Api.asPerson("editor.embassy-fr", "embassy-fr", "editor").header("If-Match", "\"v1\"").body(edited).put(MANAGE + "/posts/{id}", id)
                .then().statusCode(200);
        Api.asPerson("approver.embassy-fr", "embassy-fr", "approver").header("If-Match", "\"v1\"").post(MANAGE + "/posts/{id}/approve", id)
                .then().statusCode(412);
        Api.asPerson("approver.embassy-fr", "embassy-fr", "approver").header("If-Match", "\"v2\"").post(MANAGE + "/posts/{id}/approve", id)
                .then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("queued")).body("approvedBy", org.hamcrest.Matchers.equalTo("approver.embassy-fr"));
        assertThat(due(scheduler, "2025-12-31T00:00:00Z", "2026-01-02T00:00:00Z")).containsExactly(id);
        assertThat(Database.column("select action from audit_entry where target_id = ? order by id", id))
                .containsExactly("social-post.created", "social-post.edited", "social-post.approved", "social-post.queued");
    }

    @Test
    void twoSchedulersClaimingOnePostGetOneLeaseAndOneConflict() {
        Scheduler scheduler = scheduler();
        String story = Publishing.published(Stories.article().inLanguages("vi"));
        String account = account("telegram", "mofa", List.of("vi"), "Asia/Ho_Chi_Minh", scheduler);
        String id = created(post(story, "vi", account, "Hợp tác Việt – Pháp.", "2026-02-01T09:00"));
        approved(id);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> scheduler.call().contentType("application/json").body(Map.of())
                .post(SCHEDULER + "/posts/{id}/claim", id).statusCode());
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> scheduler.call().contentType("application/json").body(Map.of())
                .post(SCHEDULER + "/posts/{id}/claim", id).statusCode());
        assertThat(List.of(first.join(), second.join())).containsExactlyInAnyOrder(200, 409);
        assertThat(due(scheduler, "2026-01-31T00:00:00Z", "2026-02-02T00:00:00Z")).doesNotContain(id);
    }

    @Test
    void aLapsedLeaseIsOfferedAgainAndTheOldLeaseCanNoLongerReport() {
        Scheduler scheduler = scheduler();
        String story = Publishing.published(Stories.article().inLanguages("vi"));
        String account = account("bluesky", "mofa", List.of("vi"), "Asia/Ho_Chi_Minh", scheduler);
        String id = created(post(story, "vi", account, "Hợp tác Việt – Pháp.", "2026-02-02T09:00"));
        approved(id);
        String oldLease = scheduler.call().contentType("application/json").body(Map.of("leaseSeconds", 1)).post(SCHEDULER + "/posts/{id}/claim", id)
                .then().statusCode(200).body("post.text", org.hamcrest.Matchers.startsWith("Hợp tác")).extract().path("leaseId");
        Eventually.until("the lapsed lease offered again", () -> due(scheduler, "2026-02-01T00:00:00Z", "2026-02-03T00:00:00Z"),
                ids -> ids.contains(id));
        String newLease = lease(scheduler, id);
        assertThat(newLease).isNotEqualTo(oldLease);
        scheduler.call().contentType("application/json").body(Map.of("status", "posted", "leaseId", oldLease, "externalId", "1",
                "externalUrl", "https://bsky.app/profile/x/post/1")).post(SCHEDULER + "/posts/{id}/result", id).then().statusCode(409)
                .body("errors.code", hasItem("not-current-lease"));
        posted(scheduler, id, newLease);
        assertThat(managed(id).getString("state")).isEqualTo("posted");
        // The same result again is harmless.
        posted(scheduler, id, newLease);
    }

    @Test
    void figuresReportedTwiceAreStoredOnceAndOtherFiguresForTheSameInstantConflict() {
        Scheduler scheduler = scheduler();
        String story = Publishing.published(Stories.article().inLanguages("fr"));
        String account = account("threads", "mofa", List.of("fr"), "Europe/Paris", scheduler);
        String id = created(post(story, "fr", account, "Coopération renforcée.", "2026-02-03T09:00"));
        approved(id);
        Map<String, Object> figures = Map.of("at", "2026-02-03T12:00:00Z", "impressions", 1500, "reach", 900, "clicks", 41, "shares", 5, "comments", 2);
        scheduler.call().contentType("application/json").body(figures).post(SCHEDULER + "/posts/{id}/metrics", id).then().statusCode(409);
        posted(scheduler, id, lease(scheduler, id));
        scheduler.call().contentType("application/json").body(figures).post(SCHEDULER + "/posts/{id}/metrics", id).then().statusCode(201);
        scheduler.call().contentType("application/json").body(figures).post(SCHEDULER + "/posts/{id}/metrics", id).then().statusCode(200);
        assertThat(Database.value("select count(*) from social_post_metrics where post_id = ?", id)).isEqualTo(1L);
        Map<String, Object> other = new HashMap<>(figures);
        other.put("impressions", 1600);
        scheduler.call().contentType("application/json").body(other).post(SCHEDULER + "/posts/{id}/metrics", id).then().statusCode(409)
                .body("errors.code", hasItem("conflicting-figures"));
        assertThat(Database.value("select impressions from social_post_metrics where post_id = ?", id)).isEqualTo(1500L);
    }

    @Test
    void withdrawingTheStoryCancelsQueuedPostsAndListsPostedOnesForTakedown() {
        Scheduler scheduler = scheduler();
        String story = Publishing.published(Stories.article().inLanguages("fr"));
        String account = account("x", "mofa", List.of("fr"), "Europe/Paris", scheduler);
        String queued = created(post(story, "fr", account, "Bientôt en ligne.", "2026-02-04T09:00"));
        approved(queued);
        String out = created(post(story, "fr", account, "Déjà en ligne.", "2026-02-04T08:00"));
        approved(out);
        posted(scheduler, out, lease(scheduler, out));
        String held = created(post(story, "fr", account, "En cours d'envoi.", "2026-02-04T07:00"));
        approved(held);
        String heldLease = lease(scheduler, held);

        String path = Publishing.localization(story, "fr");
        String etag = Api.asAdmin().get(path).then().statusCode(200).extract().header("ETag");
        Api.asAdmin().header("If-Match", etag).body(Map.of("action", "withdraw", "comment", "factual error")).post(path + "/workflow")
                .then().statusCode(200);

        JsonPath cancelled = managed(queued);
        assertThat(cancelled.getString("state")).isEqualTo("cancelled");
        assertThat(cancelled.getString("stateReason")).startsWith("story withdrawn");
        assertThat(managed(held).getString("state")).isEqualTo("cancelled");
        // The scheduler holding it had posted it already: its result is heard, and the post must come down.
        posted(scheduler, held, heldLease);
        assertThat(managed(held).getString("state")).isEqualTo("takedown-requested");
        assertThat(due(scheduler, "2026-02-03T00:00:00Z", "2026-02-05T00:00:00Z")).isEmpty();
        assertThat(managed(out).getString("state")).isEqualTo("takedown-requested");
        List<Map<String, Object>> takedowns = scheduler.call().get(SCHEDULER + "/takedowns").then().statusCode(200).extract().path("items");
        assertThat(takedowns).extracting(takedown -> takedown.get("id")).containsExactlyInAnyOrder(out, held);
        assertThat(takedowns).extracting(takedown -> takedown.get("externalId")).containsExactlyInAnyOrder("ext-" + out, "ext-" + held);
        scheduler.call().contentType("application/json").body(Map.of("status", "taken-down")).post(SCHEDULER + "/posts/{id}/result", out)
                .then().statusCode(204);
        assertThat(managed(out).getString("state")).isEqualTo("taken-down");
        scheduler.call().contentType("application/json").body(Map.of("status", "taken-down")).post(SCHEDULER + "/posts/{id}/result", held)
                .then().statusCode(204);
        assertThat(scheduler.call().get(SCHEDULER + "/takedowns").then().statusCode(200).extract().<List<Object>>path("items")).isEmpty();
        // A withdrawn story takes no new posts.
        Api.as("editor.mofa").body(post(story, "fr", account, "Encore ?", null)).post(MANAGE + "/posts").then().statusCode(400)
                .body("errors.code", hasItem("not-live"));
    }

    @Test
    void aSchedulerKeySeesAndTouchesOnlyItsOwnAccounts() {
        Scheduler mine = scheduler();
        Scheduler theirs = scheduler();
        String story = Publishing.published(Stories.article().inLanguages("vi"));
        String myPost = created(post(story, "vi", account("zalo", "mofa", List.of("vi"), "Asia/Ho_Chi_Minh", mine), "Tin mới.", "2026-02-05T09:00"));
        String theirPost = created(post(story, "vi", account("zalo", "mofa", List.of("vi"), "Asia/Ho_Chi_Minh", theirs), "Tin mới.", "2026-02-05T09:00"));
        approved(myPost);
        approved(theirPost);
        assertThat(due(mine, "2026-02-05T00:00:00Z", "2026-02-06T00:00:00Z")).containsExactly(myPost);
        assertThat(due(theirs, "2026-02-05T00:00:00Z", "2026-02-06T00:00:00Z")).containsExactly(theirPost);
        mine.call().contentType("application/json").body(Map.of()).post(SCHEDULER + "/posts/{id}/claim", theirPost).then().statusCode(404);
        mine.call().contentType("application/json").body(Map.of("status", "taken-down")).post(SCHEDULER + "/posts/{id}/result", theirPost)
                .then().statusCode(404);
        String reader = Consumers.reading().key();
        Consumers.withKey(reader).get(SCHEDULER + "/due").then().statusCode(403);
        org.imagehub.testing.Clients.from("127.9.9.9").get(SCHEDULER + "/due").then().statusCode(401);
    }

    @Test
    void theShortLinkRedirectsWithTrackingParametersAndCountsClicks() {
        String story = Publishing.published(Stories.article().inLanguages("fr"));
        String account = account("linkedin", "mofa", List.of("fr"), "Europe/Paris", null);
        JsonPath draft = Api.as("editor.mofa").body(post(story, "fr", account, "À lire.", null)).post(MANAGE + "/posts").then().statusCode(201)
                .extract().jsonPath();
        String shortUrl = draft.getString("link.url");
        String code = shortUrl.substring(shortUrl.lastIndexOf('/') + 1);
        // A draft's link leads nowhere yet.
        io.restassured.RestAssured.given().redirects().follow(false).get("/l/{code}", code).then().statusCode(404);
        approved(draft.getString("id"));
        String location = io.restassured.RestAssured.given().redirects().follow(false).header("User-Agent", BROWSER).get("/l/{code}", code).then().statusCode(302)
                .header("Cache-Control", "no-store").extract().header("Location");
        assertThat(location).isEqualTo(draft.getString("link.target"))
                .contains("/api/v1/stories/" + story).contains("utm_source=linkedin").contains("utm_medium=social")
                .contains("utm_content=" + draft.getString("id"));
        io.restassured.RestAssured.given().redirects().follow(false).header("User-Agent", BROWSER).get("/l/{code}", code).then().statusCode(302);
        assertThat(managed(draft.getString("id")).getLong("clicks")).isEqualTo(2);
        // A script's request (this test client's own agent names Java) is answered, not counted.
        io.restassured.RestAssured.given().redirects().follow(false).get("/l/{code}", code).then().statusCode(302);
        io.restassured.RestAssured.given().redirects().follow(false).get("/l/{code}", "zzzzzzzzzz").then().statusCode(404);
        // HEAD and link previews are answered, not counted.
        io.restassured.RestAssured.given().redirects().follow(false).head("/l/{code}", code).then().statusCode(302);
        io.restassured.RestAssured.given().redirects().follow(false).header("User-Agent", "Twitterbot/1.0").get("/l/{code}", code).then().statusCode(302);
        assertThat(managed(draft.getString("id")).getLong("clicks")).isEqualTo(2);

        // Where a short link may lead is an admin's choice: an approver cannot point an account at a site.
        Map<String, Object> site = new HashMap<>(Map.of("network", "facebook", "handle", "@site_" + UUID.randomUUID().toString().substring(0, 8),
                "organisation", "mofa", "languages", List.of("fr"), "timeZone", "Europe/Paris", "storyUrlTemplate", "https://example.org/{lang}/news/{slug}"));
        Api.as("approver.mofa").body(site).post(MANAGE + "/accounts").then().statusCode(400).body("errors.code", hasItem("admin-only"));
        String siteAccount = Api.asAdmin().body(site).post(MANAGE + "/accounts").then().statusCode(201).extract().path("id");
        Map<String, Object> onSite = post(story, "fr", siteAccount, "À lire sur notre site.", null);
        String onSiteId = created(onSite);
        String slug = Consumers.withKey(Consumers.reading("fr").key()).get("/api/v1/stories/{id}?lang=fr", story).then().statusCode(200)
                .extract().path("slug");
        String siteLink = managed(onSiteId).getString("link.url");
        approved(onSiteId);
        assertThat(io.restassured.RestAssured.given().redirects().follow(false).get(siteLink.substring(siteLink.indexOf("/l/")))
                .then().statusCode(302).extract().header("Location")).startsWith("https://example.org/fr/news/" + slug + "?utm_source=facebook");
    }

    @Test
    void editingAnApprovedVariantSendsItBackToApprovalButMovingItsTimeDoesNot() {
        Scheduler scheduler = scheduler();
        String story = Publishing.published(Stories.article().inLanguages("fr"));
        String account = account("facebook", "mofa", List.of("fr"), "Europe/Paris", scheduler);
        Map<String, Object> body = post(story, "fr", account, "Première version.", "2026-02-06T09:00");
        String id = created(body);
        approved(id);
        body.put("scheduledAt", "2026-02-06T10:00");
        JsonPath moved = Api.as("editor.mofa").header("If-Match", "\"v2\"").body(body).put(MANAGE + "/posts/{id}", id).then().statusCode(200)
                .extract().jsonPath();
        assertThat(moved.getString("state")).isEqualTo("queued");
        assertThat(moved.getString("scheduledAt")).isEqualTo("2026-02-06T09:00:00Z");
        Api.as("editor.mofa").header("If-Match", "\"v2\"").body(body).put(MANAGE + "/posts/{id}", id).then().statusCode(412);
        body.put("text", "Deuxième version.");
        JsonPath edited = Api.as("editor.mofa").header("If-Match", "\"v3\"").body(body).put(MANAGE + "/posts/{id}", id).then().statusCode(200)
                .extract().jsonPath();
        assertThat(edited.getString("state")).isEqualTo("draft");
        assertThat(due(scheduler, "2026-02-06T00:00:00Z", "2026-02-07T00:00:00Z")).doesNotContain(id);
        assertThat(approved(id).getString("state")).isEqualTo("queued");
    }

    @Test
    void theCalendarFlagsClashesAndTheICalendarFeedParses() throws Exception {
        String story = Publishing.published(Stories.article().inLanguages("fr"));
        java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(10);
        Instant nine = day.atTime(9, 0).atZone(java.time.ZoneId.of("Europe/Paris")).toInstant();
        String account = account("instagram", "mofa", List.of("fr"), "Europe/Paris", null);
        Map<String, Object> first = post(story, "fr", account, "Premier.", day + "T09:00");
        first.put("linkMode", "none");
        Map<String, Object> second = new HashMap<>(first);
        second.put("text", "Second.");
        second.put("scheduledAt", day + "T09:20");
        // Instagram needs a picture: without media the network's rule refuses it.
        Api.as("editor.mofa").body(first).post(MANAGE + "/posts").then().statusCode(400).body("errors.code", hasItem("instagram.media.required"));
        String facebook = account("facebook", "mofa", List.of("fr"), "Europe/Paris", null);
        first.put("accountId", facebook);
        second.put("accountId", facebook);
        String a = created(first);
        String b = created(second);
        JsonPath calendar = Api.as("editor.mofa").queryParam("from", nine.minusSeconds(3600).toString())
                .queryParam("to", nine.plusSeconds(3 * 86400).toString()).queryParam("account", facebook).get(MANAGE + "/calendar")
                .then().statusCode(200).extract().jsonPath();
        assertThat(calendar.getList("items.postId")).containsExactly(a, b);
        assertThat(calendar.getList("items.clash")).containsExactly(true, true);
        assertThat(calendar.getList("clashes[0].postIds")).containsExactly(a, b);
        assertThat(calendar.getInt("clashes[0].minutesApart")).isEqualTo(20);
        // After 09:20 nothing for almost three days: more than the 24 h allowed.
        assertThat(calendar.getList("gaps.accountId")).containsExactly(facebook);
        assertThat(calendar.getString("gaps[0].from")).isEqualTo(nine.plusSeconds(1200).toString());

        String url = Api.as("approver.mofa").post(MANAGE + "/calendar/feeds/{org}", "mofa").then().statusCode(201).extract().path("url");
        String ics = io.restassured.RestAssured.given().get(url).then().statusCode(200).contentType("text/calendar").extract().asString();
        Calendar parsed = new CalendarBuilder().build(new StringReader(ics));
        parsed.validate();
        List<VEvent> events = parsed.getComponents("VEVENT");
        VEvent event = events.stream().filter(one -> one.getUid().map(uid -> uid.getValue().equals(a + "@image-hub")).orElse(false)).findFirst()
                .orElseThrow(() -> new AssertionError("no event for " + a + " in\n" + ics));
        assertThat(Instant.from(event.getDateTimeStart().getDate())).isEqualTo(nine);
        assertThat(event.getSummary().getValue()).startsWith("⚠ clash").contains("Premier.");
        io.restassured.RestAssured.given().get(url.replaceAll("token=.*", "token=wrong")).then().statusCode(404);
        // Issuing again retires the old address.
        Api.as("approver.mofa").post(MANAGE + "/calendar/feeds/{org}", "mofa").then().statusCode(201);
        io.restassured.RestAssured.given().get(url).then().statusCode(404);
    }

    @Test
    void eachNetworkGetsTheRenditionThatFitsItsSizesAndShapes() {
        String asset = Api.as("editor.mofa").contentType("multipart/form-data")
                .multiPart("file", "panorama.jpg", org.imagehub.testing.TestImages.jpeg(2400, 1200), "image/jpeg").post("/api/v1/manage/media")
                .then().statusCode(201).extract().path("id");
        Api.as("editor.mofa").header("If-Match", "\"v1\"").body(Map.of("texts", Map.of("fr", Map.of("caption", "Hạ Long", "altText", "La baie d'Hạ Long"))))
                .put("/api/v1/manage/media/{id}", asset).then().statusCode(200);
        String story = Api.as("editor.mofa").body(Stories.article().inLanguages("fr").build()).post("/api/v1/manage/stories").then().statusCode(201)
                .extract().path("id");
        String etag = Api.as("editor.mofa").get("/api/v1/manage/stories/{id}/media", story).then().statusCode(200).extract().header("ETag");
        Api.as("editor.mofa").header("If-Match", etag).body(Map.of("items", List.of(Map.of("assetId", asset, "role", "lead"))))
                .put("/api/v1/manage/stories/{id}/media", story).then().statusCode(200);
        Publishing.publishAll(story);
        String reader = Consumers.reading("fr").key();
        Eventually.until("the lead's renditions in the published story", () -> Consumers.withKey(reader).get("/api/v1/stories/{id}?lang=fr", story)
                .then().statusCode(200).extract().jsonPath().getList("media[0].renditions.name", String.class), names -> names.contains("social-square"));

        Map<String, Object> onX = post(story, "fr", account("x", "mofa", List.of("fr"), "Europe/Paris", null), "La baie d'Hạ Long.", null);
        onX.put("media", List.of(asset));
        JsonPath x = Api.as("editor.mofa").body(onX).post(MANAGE + "/posts").then().statusCode(201).extract().jsonPath();
        assertThat(x.getString("media[0].file")).isEqualTo("large");
        assertThat(x.getInt("media[0].width")).isEqualTo(1600);
        assertThat(x.getString("media[0].altText")).isEqualTo("La baie d'Hạ Long");
        assertThat(x.getString("media[0].url")).startsWith("http").contains("/api/v1/media/" + asset + "/");
        assertThat(approved(x.getString("id")).getString("state")).isEqualTo("approved");
        onX.put("scheduledAt", "2026-05-01T09:00");
        JsonPath timed = Api.as("editor.mofa").header("If-Match", "\"v2\"").body(onX).put(MANAGE + "/posts/{id}", x.getString("id"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(timed.getString("state")).as("a time given to an approved post: queued, still approved").isEqualTo("queued");

        // A 2:1 panorama is wider than Instagram takes (1.91:1 at most): its square crop goes instead.
        Map<String, Object> onInstagram = post(story, "fr", account("instagram", "mofa", List.of("fr"), "Europe/Paris", null), "Hạ Long.", null);
        onInstagram.put("media", List.of(asset));
        JsonPath instagram = Api.as("editor.mofa").body(onInstagram).post(MANAGE + "/posts").then().statusCode(201).extract().jsonPath();
        assertThat(instagram.getString("media[0].file")).isEqualTo("social-square");
        assertThat(instagram.getString("link.mode")).isEqualTo("short");
        assertThat(instagram.getString("finalText")).as("links are not clickable on Instagram: left out").doesNotContain("/l/");

        // YouTube takes videos only.
        Map<String, Object> onYoutube = post(story, "fr", account("youtube", "mofa", List.of("fr"), "Europe/Paris", null), "Hạ Long.", null);
        onYoutube.put("media", List.of(asset));
        Api.as("editor.mofa").body(onYoutube).post(MANAGE + "/posts").then().statusCode(400)
                .body("errors.code", hasItem("youtube.media.type-not-allowed")).body("errors.field", hasItem("media[0]"));
    }

    @Test
    void aGeneratedDraftFitsItsNetworkAndEndsAtAWordBoundary() {
        String story = Publishing.published(Stories.article().withLocalization(Map.of("lang", "vi",
                "title", "Tạo chuyển biến căn bản trong công tác thông tin đối ngoại " + UUID.randomUUID(),
                "summary", "Thông tin đối ngoại là một bộ phận quan trọng của công tác đối ngoại của Đảng và Nhà nước, góp phần tạo dựng môi "
                        + "trường hòa bình, ổn định, tranh thủ tối đa sự ủng hộ của bạn bè quốc tế. ".repeat(2),
                "body", "<p>Nội dung.</p>")));
        String account = account("x", "mofa", List.of("vi"), "Asia/Ho_Chi_Minh", null);
        JsonPath draft = Api.as("editor.mofa").body(Map.of("storyId", story, "lang", "vi", "accountId", account)).post(MANAGE + "/posts/drafts")
                .then().statusCode(201).extract().jsonPath();
        assertThat(draft.getString("state")).isEqualTo("draft");
        assertThat(draft.getInt("countedLength")).isLessThanOrEqualTo(280).isGreaterThan(200)
                .isEqualTo(TwitterTextParser.parseTweet(draft.getString("finalText")).weightedLength);
        assertThat(draft.getString("text")).startsWith("Tạo chuyển biến căn bản").endsWith("…");
        assertThat(draft.getString("text").replace("…", "")).doesNotEndWith(" ");
    }
}
