package org.imagehub.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.imagehub.testing.SocialTesting.SCHEDULER;
import static org.imagehub.testing.SocialTesting.account;
import static org.imagehub.testing.SocialTesting.approved;
import static org.imagehub.testing.SocialTesting.created;
import static org.imagehub.testing.SocialTesting.lease;
import static org.imagehub.testing.SocialTesting.post;
import static org.imagehub.testing.SocialTesting.posted;
import static org.imagehub.testing.SocialTesting.scheduler;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.imagehub.testing.Api;
import org.imagehub.testing.Consumers;
import org.imagehub.testing.Database;
import org.imagehub.testing.Eventually;
import org.imagehub.testing.Publishing;
import org.imagehub.testing.SocialTesting.Scheduler;
import org.imagehub.testing.Stories;
import org.imagehub.testing.TestReceiver;
import org.junit.jupiter.api.Test;

/**
 * The effectiveness reports on the real stack: each KPI on a constructed scenario with a known answer, the weighted
 * scorecard and the ranking, CSV equal to JSON, and who may see which organisation's figures. Each scenario has an
 * organisation of its own, so the figures are its alone.
 */
@QuarkusTest
class EffectivenessReportTests {
    private static final String REPORTS = "/api/v1/manage/reports";
    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    /** A fresh organisation (not central); its code. */
    private static String organisation() {
        String code = "org-" + UUID.randomUUID().toString().substring(0, 8);
        Api.asAdmin().body(Map.of("name", "Test organisation " + code, "kind", "province")).put("/api/v1/manage/organisations/" + code).then().statusCode(201);
        return code;
    }

    private static RequestSpecification approverOf(String organisation) {
        return Api.asPerson("approver." + organisation, organisation, "approver");
    }

    private static RequestSpecification editorOf(String organisation) {
        return Api.asPerson("editor." + organisation, organisation, "editor");
    }

    private static String story(String organisation, Stories story) {
        String id = Api.asAdmin().body(story.with("organisation", organisation).build()).post("/api/v1/manage/stories").then().statusCode(201)
                .extract().path("id");
        Publishing.publishAll(id);
        return id;
    }

    private static void firstPublished(String storyId, String lang, Instant at) {
        Database.update("update localization set first_published_at = ? where story_id = ? and lang = ?", at.atOffset(ZoneOffset.UTC), storyId, lang);
    }

    /** An embassy site consumer targeting one country; its id. */
    private static String site(String country) {
        return Api.asAdmin().body(Map.of("name", "Site " + country + " " + UUID.randomUUID(), "kind", "embassy-site", "scopes", List.of("content:read"),
                "countries", List.of(country), "requestsPerMinute", 1000)).post("/api/v1/manage/consumers").then().statusCode(201).extract().path("id");
    }

    /** Raw page views as the beacon stores them, at one instant. */
    private static void pageViews(String consumerId, String storyId, String lang, Instant at, int count) {
        Database.update("""
                insert into analytics_event (occurred_at, event_id, channel, consumer_id, story_id, lang, page_path, visitor, received_at)
                select ?, 'pv-' || gen_random_uuid(), 'page-view', ?, ?, ?, '/news', md5(i::text), now() - interval '10 seconds'
                  from generate_series(1, ?) i""",
                at.atOffset(ZoneOffset.UTC), consumerId, storyId, lang, count);
    }

    private static void rollUp() {
        Api.asAdmin().post("/api/v1/manage/analytics/rollups").then().statusCode(200);
    }

    /** The rows of a CSV answer, read with Jackson's CSV reader, by column name. */
    private static List<Map<String, String>> csv(String body) {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader())
                .readValues(body)) {
            return rows.readAll();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void eachKpiOfAConstructedMonthHasItsKnownValueAndTheScorecardWeighsThem() {
        String org = organisation();
        String keyMessage = "km-" + org;
        approverOf(org).body(Map.of("code", keyMessage, "validFrom", "2020-01-01T00:00:00Z", "translations", Map.of("en", "A message of " + org)))
                .post("/api/v1/manage/key-messages").then().statusCode(201);
        String storyId = story(org, Stories.article().inLanguages("vi", "fr", "en").with("keyMessages", List.of(keyMessage)));
        // Last month: the Vietnamese source on the 10th at 08:00, French 2 hours later, English 30 hours later.
        YearMonth month = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        Instant source = month.atDay(10).atTime(8, 0).toInstant(ZoneOffset.UTC);
        firstPublished(storyId, "vi", source);
        firstPublished(storyId, "fr", source.plus(2, ChronoUnit.HOURS));
        firstPublished(storyId, "en", source.plus(30, ChronoUnit.HOURS));
        // 30 views in France, 10 in Japan, on the 12th and 13th.
        String france = site("FR");
        String japan = site("JP");
        pageViews(france, storyId, "fr", month.atDay(12).atTime(9, 0).toInstant(ZoneOffset.UTC), 30);
        pageViews(japan, storyId, "en", month.atDay(13).atTime(9, 0).toInstant(ZoneOffset.UTC), 10);
        rollUp();

        approverOf(org).body(Map.of("period", "month", "kpis", List.of(
                Map.of("id", "reach", "name", "All reach", "measure", "reach", "target", 80, "weight", 1),
                Map.of("id", "france", "name", "Views in France", "measure", "reach", "country", "FR", "channel", "page-view", "target", 30, "weight", 1),
                Map.of("id", "coverage", "name", "In 3 languages", "measure", "coverage", "languages", List.of("vi", "fr", "en", "zh-Hans"),
                        "minLanguages", 3, "target", 1, "weight", 1),
                Map.of("id", "coverage-4", "name", "In 4 languages", "measure", "coverage", "languages", List.of("vi", "fr", "en", "zh-Hans"),
                        "minLanguages", 4, "target", 1, "weight", 0),
                Map.of("id", "speed", "name", "Translations in 8 hours", "measure", "speed", "target", 8, "weight", 2),
                Map.of("id", "breaking", "name", "Breaking in 3 languages", "measure", "breaking-speed", "minLanguages", 3, "target", 2, "weight", 5))))
                .put(REPORTS + "/criteria/{org}", org).then().statusCode(200).header("ETag", "\"v1\"");

        JsonPath card = editorOf(org).get(REPORTS + "/scorecard?period=" + month).then().statusCode(200).extract().jsonPath();
        assertThat(card.getString("organisation")).isEqualTo(org);
        assertThat(card.getDouble("kpis.find { it.id == 'reach' }.value")).isEqualTo(40.0);
        assertThat(card.getDouble("kpis.find { it.id == 'reach' }.score")).isEqualTo(0.5);
        assertThat(card.getDouble("kpis.find { it.id == 'france' }.value")).isEqualTo(30.0);
        assertThat(card.getDouble("kpis.find { it.id == 'france' }.score")).isEqualTo(1.0);
        assertThat(card.getDouble("kpis.find { it.id == 'coverage' }.value")).isEqualTo(1.0);
        assertThat(card.getDouble("kpis.find { it.id == 'coverage-4' }.value")).isEqualTo(0.0);
        // The median of 2 h and 30 h; lower is better, so 8 ÷ 16.
        assertThat(card.getDouble("kpis.find { it.id == 'speed' }.value")).isEqualTo(16.0);
        assertThat(card.getDouble("kpis.find { it.id == 'speed' }.score")).isEqualTo(0.5);
        // No breaking story: nothing to measure, not scored, its weight left out.
        assertThat(card.getString("kpis.find { it.id == 'breaking' }.value")).isNull();
        // (1 × 0.5 + 1 × 1 + 1 × 1 + 0 × 0 + 2 × 0.5) ÷ (1 + 1 + 1 + 0 + 2)
        assertThat(card.getDouble("score")).isEqualTo(0.7);

        // The reports behind it, and the same rows as CSV.
        String range = "?from=" + month.atDay(1) + "&to=" + month.atEndOfMonth();
        JsonPath speed = editorOf(org).get(REPORTS + "/translation-speed" + range).then().statusCode(200).extract().jsonPath();
        assertThat(speed.getLong("translations")).isEqualTo(2);
        assertThat(speed.getDouble("medianHours")).isEqualTo(16.0);
        assertThat(speed.getList("buckets.translations", Long.class)).containsExactly(0L, 1L, 0L, 1L, 0L);
        JsonPath reach = editorOf(org).get(REPORTS + "/reach" + range + "&granularity=month").then().statusCode(200).extract().jsonPath();
        assertThat(reach.getLong("events")).isEqualTo(40);
        assertThat(editorOf(org).get(REPORTS + "/reach" + range + "&country=JP").then().statusCode(200).extract().jsonPath().getLong("events")).isEqualTo(10);
        assertThat(editorOf(org).get(REPORTS + "/reach" + range + "&keyMessage=" + keyMessage + "&lang=fr").then().statusCode(200).extract().jsonPath()
                .getLong("events")).isEqualTo(30);
        // Top stories from the fold per story, language and countries, and (with a channel) from the rows per consumer.
        assertThat(editorOf(org).get(REPORTS + "/top-stories" + range).then().statusCode(200).extract().jsonPath().getList("rows", Map.class))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("storyId", storyId).containsEntry("events", 40).containsEntry("rank", 1));
        assertThat(editorOf(org).get(REPORTS + "/top-stories" + range + "&country=FR").then().statusCode(200).extract().jsonPath().getLong("rows[0].events"))
                .isEqualTo(30);
        assertThat(editorOf(org).get(REPORTS + "/top-stories" + range + "&lang=en").then().statusCode(200).extract().jsonPath().getLong("rows[0].events"))
                .isEqualTo(10);
        assertThat(editorOf(org).get(REPORTS + "/top-stories" + range + "&channel=page-view&country=JP").then().statusCode(200).extract().jsonPath()
                .getLong("rows[0].events")).isEqualTo(10);
        JsonPath coverage = editorOf(org).get(REPORTS + "/key-message-coverage" + range).then().statusCode(200).extract().jsonPath();
        assertThat(coverage.getList("keyMessages.find { it.code == '" + keyMessage + "' }.languages", String.class)).containsExactly("en", "fr", "vi");

        List<Map<String, String>> rows = csv(editorOf(org).accept("text/csv").get(REPORTS + "/scorecard?period=" + month).then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString());
        List<Map<String, Object>> kpis = card.getList("kpis");
        assertThat(rows).hasSameSizeAs(kpis);
        for (int i = 0; i < kpis.size(); i++) {
            Map<String, String> row = rows.get(i);
            Map<String, Object> kpi = kpis.get(i);
            assertThat(row.get("id")).isEqualTo(kpi.get("id"));
            assertThat(row.get("value")).isEqualTo(kpi.get("value") == null ? "" : String.valueOf(((Number) kpi.get("value")).doubleValue()));
            assertThat(row.get("score")).isEqualTo(kpi.get("score") == null ? "" : String.valueOf(((Number) kpi.get("score")).doubleValue()));
            assertThat(Double.parseDouble(row.get("weight"))).isEqualTo(((Number) kpi.get("weight")).doubleValue());
        }
        List<Map<String, String>> speedRows = csv(editorOf(org).accept("text/csv").get(REPORTS + "/translation-speed" + range).then().statusCode(200)
                .extract().asString());
        assertThat(speedRows).extracting(row -> row.get("lang") + " " + row.get("hours")).containsExactly("fr 2.0", "en 30.0");
        assertThat(speedRows.get(0).get("publishedAt")).isEqualTo(speed.getString("rows[0].publishedAt"));
        List<Map<String, String>> reachRows = csv(editorOf(org).accept("text/csv").get(REPORTS + "/reach" + range).then().statusCode(200).extract().asString());
        assertThat(reachRows).extracting(row -> row.get("period") + " " + row.get("channel") + " " + row.get("events"))
                .containsExactly(month.atDay(12) + " page-view 30", month.atDay(13) + " page-view 10");

        // The central organisation ranks every organisation with criteria; this one scores 0.7.
        JsonPath ranking = Api.as("approver.mofa").get(REPORTS + "/ranking?period=" + month).then().statusCode(200).extract().jsonPath();
        assertThat(ranking.getDouble("rows.find { it.organisation == '" + org + "' }.score")).isEqualTo(0.7);
        assertThat(ranking.getList("rows.rank", Integer.class)).isSorted();
    }

    @Test
    void breakingSpeedIsTheMedianTimeFromCreationToTheNthLanguage() {
        String org = organisation();
        YearMonth month = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        // Two breaking stories created on the 5th and the 6th at 06:00: their third language came out 2 h and 6 h later;
        // a normal story, however slow, is not counted.
        int hour = 0;
        for (int[] hours : new int[][] {{1, 1, 2}, {1, 3, 6}, {50, 60, 70}}) {
            String storyId = story(org, Stories.article().inLanguages("vi", "en", "fr").with("priority", hour == 2 ? "normal" : "breaking"));
            Instant created = month.atDay(5 + hour).atTime(6, 0).toInstant(ZoneOffset.UTC);
            Database.update("update story set created_at = ? where id = ?", created.atOffset(ZoneOffset.UTC), storyId);
            firstPublished(storyId, "vi", created.plus(hours[0], ChronoUnit.HOURS));
            firstPublished(storyId, "en", created.plus(hours[1], ChronoUnit.HOURS));
            firstPublished(storyId, "fr", created.plus(hours[2], ChronoUnit.HOURS));
            hour++;
        }
        approverOf(org).body(Map.of("period", "month", "kpis", List.of(
                Map.of("id", "three", "name", "Breaking in 3 languages", "measure", "breaking-speed", "minLanguages", 3, "target", 2, "weight", 1),
                Map.of("id", "two", "name", "Breaking in 2 languages", "measure", "breaking-speed", "minLanguages", 2, "target", 2, "weight", 1))))
                .put(REPORTS + "/criteria/{org}", org).then().statusCode(200);

        JsonPath card = editorOf(org).get(REPORTS + "/scorecard?period=" + month).then().statusCode(200).extract().jsonPath();
        // Third language: 2 h and 6 h, median 4 h, target 2 h: score 0.5. Second language: 1 h and 3 h, median 2 h: score 1.
        assertThat(card.getDouble("kpis.find { it.id == 'three' }.value")).isEqualTo(4.0);
        assertThat(card.getDouble("kpis.find { it.id == 'three' }.score")).isEqualTo(0.5);
        assertThat(card.getDouble("kpis.find { it.id == 'two' }.value")).isEqualTo(2.0);
        assertThat(card.getDouble("score")).isEqualTo(0.75);
    }

    @Test
    void organisationsSeeTheirOwnFiguresTheCentralOneSeesAllAndASiteKeySeesNothing() {
        String org = organisation();
        editorOf(org).get(REPORTS + "/reach").then().statusCode(200);
        editorOf(org).get(REPORTS + "/reach?organisation=mofa").then().statusCode(403).contentType("application/problem+json");
        editorOf(org).get(REPORTS + "/top-stories?organisation=hue-province").then().statusCode(403);
        editorOf(org).get(REPORTS + "/scorecard?organisation=mofa").then().statusCode(403);
        editorOf(org).get(REPORTS + "/ranking").then().statusCode(403);
        editorOf(org).get(REPORTS + "/criteria/{org}", org).then().statusCode(404);
        editorOf(org).body(Map.of("period", "month", "kpis", List.of())).put(REPORTS + "/criteria/{org}", org).then().statusCode(403);
        approverOf(org).body(Map.of("period", "month", "kpis", List.of())).put(REPORTS + "/criteria/{org}", "mofa").then().statusCode(403);
        Api.as("approver.mofa").get(REPORTS + "/reach?organisation=" + org).then().statusCode(200);
        Api.as("approver.mofa").get(REPORTS + "/top-stories").then().statusCode(200);
        Api.asAdmin().get(REPORTS + "/ranking").then().statusCode(200);

        String siteKey = PageViewTests.siteKey();
        for (String report : List.of("reach", "top-stories", "key-message-coverage", "translation-speed", "correction-reach", "scorecard", "ranking")) {
            Consumers.withKey(siteKey).get(REPORTS + "/" + report).then().statusCode(401);
        }
    }

    @Test
    void aCriteriaSetIsCheckedWholeAndReplacedOnlyOverTheVersionRead() {
        String org = organisation();
        approverOf(org).body(Map.of("period", "fortnight", "kpis", List.of(
                Map.of("id", "Bad Id", "name", "", "measure", "popularity", "target", -1, "weight", 1),
                Map.of("id", "cov", "name", "Coverage", "measure", "coverage", "target", 2, "weight", 1, "lang", "not a tag!"),
                Map.of("id", "cons", "name", "Consistency", "measure", "consistency", "target", 0.9, "weight", 1, "channel", "feed"))))
                .put(REPORTS + "/criteria/{org}", org).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("period")).body("errors.field", hasItem("kpis[0].id")).body("errors.field", hasItem("kpis[0].name"))
                .body("errors.field", hasItem("kpis[0].measure")).body("errors.field", hasItem("kpis[0].target"))
                .body("errors.field", hasItem("kpis[1].minLanguages")).body("errors.field", hasItem("kpis[1].target"))
                .body("errors.field", hasItem("kpis[1].lang")).body("errors.field", hasItem("kpis[2].withinHours"))
                .body("errors.field", hasItem("kpis[2].channel"));
        assertThat(Database.value("select count(*) from analytics_criteria where organisation = ?", org)).isEqualTo(0L);

        Map<String, Object> set = Map.of("period", "week", "kpis", List.of(Map.of("id", "speed", "name", "Speed", "measure", "speed", "target", 24, "weight", 1,
                "withinHours", 5)));
        approverOf(org).body(set).put(REPORTS + "/criteria/{org}", org).then().statusCode(200).header("ETag", "\"v1\"")
                // A parameter its measure does not use is not kept.
                .body("kpis[0].withinHours", nullValue());
        approverOf(org).body(set).put(REPORTS + "/criteria/{org}", org).then().statusCode(428);
        approverOf(org).header("If-Match", "\"v7\"").body(set).put(REPORTS + "/criteria/{org}", org).then().statusCode(412);
        approverOf(org).header("If-Match", "\"v1\"").body(set).put(REPORTS + "/criteria/{org}", org).then().statusCode(200).header("ETag", "\"v2\"");
        assertThat(Database.value("select count(*) from audit_entry where action = 'criteria.saved' and target_id = ?", org)).isEqualTo(2L);
        // A weekly set is scored over the ISO week by default.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        editorOf(org).get(REPORTS + "/scorecard").then().statusCode(200)
                .body("period", equalTo(String.format("%d-W%02d", today.get(IsoFields.WEEK_BASED_YEAR), today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR))));
        editorOf(org).get(REPORTS + "/scorecard?period=2026-13").then().statusCode(400).body("errors.field", hasItem("query.period"));
        editorOf(org).get(REPORTS + "/reach?from=2026-02-01&to=2026-01-01").then().statusCode(400).body("errors.field", hasItem("query.from"));
        editorOf(org).get(REPORTS + "/reach?from=2020-01-01&to=2026-01-01").then().statusCode(400).body("errors.code", hasItem("range-too-long"));
        editorOf(org).get(REPORTS + "/reach?channel=carrier-pigeon").then().statusCode(400).body("errors.field", hasItem("query.channel"));
        editorOf(org).get(REPORTS + "/top-stories?limit=1000").then().statusCode(400).body("errors.field", hasItem("query.limit"));
    }

    @Test
    void aCorrectionReachesTheConsumerThatReFetchedItWithinTheWindowAndAWithdrawalLeavesCopiesLive() {
        String org = organisation();
        String storyId = story(org, Stories.article().inLanguages("fr"));
        String refetchingKey = Consumers.reading("fr").key();
        Consumers.reading("fr").key();
        String path = Publishing.localization(storyId, "fr");
        String etag = Api.asAdmin().get(path).then().extract().header("ETag");
        Api.asAdmin().header("If-Match", etag).body(Map.of("title", "Corrigé " + storyId, "body", "<p>Chiffres corrigés.</p>")).put(path).then().statusCode(200);
        for (String action : List.of("submit", "approve", "publish")) {
            Publishing.act(storyId, "fr", "admin", action);
        }
        Consumers.withKey(refetchingKey).get("/api/v1/stories/{id}?lang=fr", storyId).then().statusCode(200);
        Eventually.until("the re-fetch recorded", () -> Database.value("select count(*) from delivery_read where story_id = ?", storyId),
                count -> ((Number) count).longValue() > 0);

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        JsonPath report = editorOf(org).get(REPORTS + "/correction-reach?from=" + today + "&to=" + today).then().statusCode(200).extract().jsonPath();
        assertThat(report.getString("rows[0].kind")).isEqualTo("correction");
        assertThat(report.getString("rows[0].storyId")).isEqualTo(storyId);
        long consumers = report.getLong("rows[0].consumers");
        long inTime = report.getLong("rows[0].reachedInTime");
        assertThat(consumers).isGreaterThanOrEqualTo(2);
        assertThat(inTime).isGreaterThanOrEqualTo(1);
        assertThat(report.getLong("rows[0].notReached")).as("the silent consumer").isGreaterThanOrEqualTo(1);
        assertThat(inTime + report.getLong("rows[0].reachedLater") + report.getLong("rows[0].notReached")).isEqualTo(consumers);
        assertThat(report.getDouble("share")).isEqualTo((double) inTime / consumers);

        // Had it re-fetched 30 hours after the correction, it would be late for 24 hours and in time for 48.
        Database.update("update delivery_read set minute = minute + interval '30 hours' where story_id = ?", storyId);
        JsonPath late = editorOf(org).get(REPORTS + "/correction-reach?from=" + today + "&to=" + today + "&withinHours=24").then().statusCode(200)
                .extract().jsonPath();
        JsonPath lenient = editorOf(org).get(REPORTS + "/correction-reach?from=" + today + "&to=" + today + "&withinHours=48").then().statusCode(200)
                .extract().jsonPath();
        assertThat(late.getLong("rows[0].reachedInTime")).isEqualTo(inTime - 1);
        assertThat(late.getLong("rows[0].reachedLater")).isGreaterThanOrEqualTo(1);
        assertThat(lenient.getLong("rows[0].reachedInTime")).isEqualTo(inTime);

        String current = Api.asAdmin().get(path).then().statusCode(200).extract().header("ETag");
        Api.asAdmin().header("If-Match", current).body(Map.of("action", "withdraw", "comment", "factual error")).post(path + "/workflow").then().statusCode(200);
        JsonPath withdrawn = editorOf(org).get(REPORTS + "/correction-reach?from=" + today + "&to=" + today).then().statusCode(200).extract().jsonPath();
        assertThat(withdrawn.getString("rows[0].kind")).isEqualTo("withdrawn");
        assertThat(withdrawn.getLong("withdrawnStillLive")).isEqualTo(withdrawn.getLong("rows[0].notReached")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void everyDeliveryChannelIsRolledUpUnderItsOwnName() throws IOException {
        String org = organisation();
        String consumerId = Api.asAdmin().body(Map.of("name", "Mirror " + UUID.randomUUID(), "kind", "partner-outlet", "scopes", List.of("content:read"),
                "languages", List.of("fr"), "countries", List.of("SN"), "requestsPerMinute", 100_000)).post("/api/v1/manage/consumers").then().statusCode(201)
                .extract().path("id");
        String key = Api.asAdmin().body(Map.of()).post("/api/v1/manage/consumers/" + consumerId + "/keys").then().statusCode(201).extract().path("key");
        try (TestReceiver receiver = new TestReceiver(n -> 204)) {
            Api.asAdmin().body(Map.of("url", receiver.url(), "eventTypes", List.of("story.published"))).post("/api/v1/manage/consumers/" + consumerId + "/webhooks")
                    .then().statusCode(201);
            // A consumer targeting Senegal takes the stories for Senegal.
            String storyId = story(org, Stories.article().inLanguages("fr").with("countries", List.of("VN", "SN")));
            Eventually.until("the webhook acknowledged", () -> receiver.received.stream().filter(request -> request.body().contains(storyId)).count(),
                    count -> count > 0);
            Consumers.withKey(key).get("/api/v1/stories/{id}?lang=fr", storyId).then().statusCode(200);
            String feedTag = Consumers.withKey(key).get("/api/v1/feeds/fr.json").then().statusCode(200).extract().header("ETag");
            // A feed answered 304 delivered nothing: not counted.
            Consumers.withKey(key).header("If-None-Match", feedTag).get("/api/v1/feeds/fr.json").then().statusCode(304);
            String token = null;
            boolean more = true;
            while (more) {
                JsonPath page = (token == null ? Consumers.withKey(key) : Consumers.withKey(key).queryParam("token", token)).get("/api/v1/sync")
                        .then().statusCode(200).extract().jsonPath();
                token = page.getString("token");
                more = page.getBoolean("more");
            }
            String today = LocalDate.now(ZoneOffset.UTC).toString();
            Map<String, Long> byChannel = Eventually.until("every channel rolled up", () -> {
                rollUp();
                Map<String, Long> counts = new java.util.TreeMap<>();
                for (Map<String, String> row : csv(Api.asAdmin().accept("text/csv").get(REPORTS + "/reach?organisation=" + org + "&country=SN&from=" + today
                        + "&to=" + today).then().statusCode(200).extract().asString())) {
                    counts.merge(row.get("channel"), Long.parseLong(row.get("events")), Long::sum);
                }
                return counts;
            }, counts -> counts.size() == 4);
            assertThat(byChannel).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("api-read", 1L, "feed", 1L, "sync", 1L, "webhook", 1L)));
            // The folded roll-up (what reach reads) adds up to the per-story one, channel by channel.
            assertThat(Database.column("select channel || ' ' || sum(events) from analytics_daily_cube where organisation = ? group by channel order by channel", org))
                    .isEqualTo(Database.column("select channel || ' ' || sum(events) from analytics_daily where organisation = ? group by channel order by channel", org));
        }
    }

    @Test
    void socialImpressionsAndClicksGiveEngagementAndShortLinkClicksCountAsReach() {
        String org = organisation();
        String storyId = story(org, Stories.article().inLanguages("fr"));
        Scheduler scheduler = scheduler();
        String accountId = account("facebook", "mofa", List.of("fr"), "Europe/Paris", scheduler);
        String postId = created(post(storyId, "fr", accountId, "Coopération renforcée.", "2026-02-03T09:00"));
        JsonPath approvedPost = approved(postId);
        posted(scheduler, postId, lease(scheduler, postId));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // Running totals: the day gains the last reading's figures.
        for (Map<String, Object> figures : List.of(Map.<String, Object>of("at", now.minusSeconds(120).toString(), "impressions", 1000, "clicks", 30),
                Map.<String, Object>of("at", now.minusSeconds(60).toString(), "impressions", 2000, "clicks", 50))) {
            scheduler.call().contentType("application/json").body(figures).post(SCHEDULER + "/posts/{id}/metrics", postId).then().statusCode(201);
        }
        String shortUrl = approvedPost.getString("link.url");
        io.restassured.RestAssured.given().redirects().follow(false).header("User-Agent", BROWSER).get("/l/{code}", shortUrl.substring(shortUrl.lastIndexOf('/') + 1))
                .then().statusCode(302);
        rollUp();

        LocalDate day = LocalDate.ofInstant(now.minusSeconds(60), ZoneOffset.UTC);
        String range = "?from=" + day + "&to=" + day;
        JsonPath social = editorOf(org).get(REPORTS + "/reach" + range + "&channel=social").then().statusCode(200).extract().jsonPath();
        assertThat(social.getLong("events")).isEqualTo(2000);
        assertThat(social.getLong("clicks")).isEqualTo(50);
        assertThat(editorOf(org).get(REPORTS + "/reach" + range + "&channel=short-link").then().statusCode(200).extract().jsonPath().getLong("events"))
                .isEqualTo(1);

        approverOf(org).body(Map.of("period", "week", "kpis", List.of(Map.of("id", "engagement", "name", "Clicks per impression", "measure", "engagement",
                "target", 0.05, "weight", 1)))).put(REPORTS + "/criteria/{org}", org).then().statusCode(200);
        String week = String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        JsonPath card = editorOf(org).get(REPORTS + "/scorecard?period=" + week).then().statusCode(200).extract().jsonPath();
        assertThat(card.getDouble("kpis[0].value")).isEqualTo(0.025);
        assertThat(card.getDouble("score")).isEqualTo(0.5);
    }
}
