package org.imagehub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.imagehub.testing.Consumers;
import org.imagehub.testing.SharedSchemas;
import org.imagehub.testing.Stories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What partners and embassy sites parse, checked against the standards' own schemas. */
@QuarkusTest
class SyndicationFormatTests {
    private static String key;
    private static String storyId;
    private static String factCheckId;

    @BeforeEach
    void publishOnce() {
        if (key != null) {
            return;
        }
        key = Consumers.reading().key();
        storyId = DeliveryTests.published(Stories.article().inLanguages("vi", "fr", "zh-Hans", "uk").with("priority", "breaking"));
        factCheckId = DeliveryTests.published(Stories.of("fact-check", Map.of("claimant", "An anonymous account",
                "circulatedOn", List.of(Map.of("platform", "Social network", "url", "https://example.org/post/1", "firstSeen", "2026-11-01")),
                "verdict", "false", "evidence", List.of(Map.of("title", "Official statistics", "url", "https://example.org/stats"))))
                .withLocalization(Map.of("lang", "fr", "title", "Non, la province n'a pas fermé ses plages " + System.nanoTime(),
                        "body", "<p>Les plages restent ouvertes.</p>",
                        "fields", Map.of("claimQuoted", "La province a fermé toutes ses plages.", "officialFacts", "Aucune plage n'est fermée."))));
    }

    @Test
    void ninjsPassesTheIptc21SchemaInEveryLanguage() {
        for (String lang : List.of("vi", "fr", "zh-Hans", "uk")) {
            String ninjs = Consumers.withKey(key).get("/api/v1/stories/" + storyId + "/ninjs?lang=" + lang).then().statusCode(200).extract().asString();
            assertThat(SharedSchemas.ninjs21().errors(ninjs)).as(lang).isEmpty();
            JsonPath document = JsonPath.from(ninjs);
            assertThat(document.getString("language")).isEqualTo(lang);
            assertThat(document.getString("pubstatus")).isEqualTo("usable");
            assertThat(document.getInt("urgency")).isEqualTo(1);
        }
    }

    @Test
    void feedsPassTheirSchemasAndKeepTheText() throws Exception {
        String atom = Consumers.withKey(key).get("/api/v1/feeds/fr.atom").then().statusCode(200)
                .contentType("application/atom+xml; charset=utf-8").extract().asString();
        assertThat(SharedSchemas.atomErrors(atom)).isEmpty();
        assertThat(atom).contains(storyId);
        String json = Consumers.withKey(key).get("/api/v1/feeds/uk.json").then().statusCode(200).extract().asString();
        assertThat(SharedSchemas.jsonFeed11().errors(json)).isEmpty();
        assertThat(json).contains(Stories.TITLES.get("uk"));
        String rss = Consumers.withKey(key).get("/api/v1/feeds/zh-Hans.rss?type=article").then().statusCode(200).extract().asString();
        SyndFeed feed = new SyndFeedInput().build(new StringReader(rss));
        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getEntries()).anySatisfy(entry -> assertThat(entry.getTitle()).startsWith(Stories.TITLES.get("zh-Hans")));
        String facts = Consumers.withKey(key).get("/api/v1/feeds/fr.rss?type=fact-check").then().statusCode(200).extract().asString();
        assertThat(new SyndFeedInput().build(new StringReader(facts)).getEntries())
                .allSatisfy(entry -> assertThat(entry.getLink()).contains("/api/v1/stories/"))
                .anySatisfy(entry -> assertThat(entry.getLink()).contains(factCheckId));
    }

    @Test
    void jsonLdIsANewsArticleAndAClaimReviewForFactChecks() {
        JsonPath article = Consumers.withKey(key).get("/api/v1/stories/" + storyId + "/jsonld?lang=vi").then().statusCode(200)
                .contentType("application/ld+json").extract().jsonPath();
        assertThat(article.getList("'@type'")).containsExactly("NewsArticle");
        assertThat(article.getString("[0].inLanguage")).isEqualTo("vi");
        JsonPath factCheck = Consumers.withKey(key).get("/api/v1/stories/" + factCheckId + "/jsonld").then().statusCode(200).extract().jsonPath();
        assertThat(factCheck.getList("'@type'")).containsExactly("NewsArticle", "ClaimReview");
        assertThat(factCheck.getString("[1].claimReviewed")).isEqualTo("La province a fermé toutes ses plages.");
        assertThat(factCheck.getString("[1].reviewRating.alternateName")).isEqualTo("false");
    }
}
