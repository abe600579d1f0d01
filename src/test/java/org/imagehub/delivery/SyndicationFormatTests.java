package org.imagehub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.StringReader;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.imagehub.testing.Consumers;
import org.imagehub.testing.SharedSchemas;
import org.imagehub.testing.Stories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** What partners and embassy sites parse, checked against the standards' own schemas. */
@QuarkusTest
class SyndicationFormatTests {
    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    private static final String DC_NS = "http://purl.org/dc/elements/1.1/";
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

    @Test
    void aSummaryThatLooksLikeMarkupReachesFeedsAsText() throws Exception {
        String markup = "<img src=x onerror=alert(1)>";
        Map<String, Object> hostile = new LinkedHashMap<>(Stories.article().localization("uk"));
        hostile.put("summary", markup);
        String id = DeliveryTests.published(Stories.article().withLocalization(hostile));

        String rss = Consumers.withKey(key).get("/api/v1/feeds/uk.rss").then().statusCode(200).extract().asString();
        Element channel = (Element) xml(rss).getElementsByTagName("channel").item(0);
        Element item = null;
        NodeList items = channel.getElementsByTagName("item");
        for (int i = 0; i < items.getLength(); i++) {
            Element candidate = (Element) items.item(i);
            if (candidate.getElementsByTagName("link").item(0).getTextContent().contains(id)) {
                item = candidate;
            }
        }
        assertThat(item).as("the story is in the Ukrainian feed").isNotNull();
        assertThat(item.getElementsByTagName("description").item(0).getTextContent()).isEqualTo("&lt;img src=x onerror=alert(1)&gt;");
        assertThat(rss).doesNotContain(markup);
        NodeList self = channel.getElementsByTagNameNS(ATOM_NS, "link");
        assertThat(self.getLength()).isEqualTo(1);
        assertThat(((Element) self.item(0)).getAttribute("rel")).isEqualTo("self");
        assertThat(((Element) self.item(0)).getAttribute("href")).endsWith("/api/v1/feeds/uk.rss");
        assertThat(channel.getElementsByTagNameNS(DC_NS, "date").getLength()).isZero();
        assertThat(channel.getElementsByTagNameNS(DC_NS, "language").getLength()).isEqualTo(items.getLength());

        String atom = Consumers.withKey(key).get("/api/v1/feeds/uk.atom").then().statusCode(200).extract().asString();
        assertThat(SharedSchemas.atomErrors(atom)).isEmpty();
        SyndFeed atomFeed = new SyndFeedInput().build(new StringReader(atom));
        assertThat(atomFeed.getEntries()).anySatisfy(entry -> {
            assertThat(entry.getLink()).contains(id);
            assertThat(entry.getDescription().getValue()).isEqualTo(markup);
        });
        NodeList entries = xml(atom).getElementsByTagNameNS(ATOM_NS, "entry");
        Set<String> updated = new HashSet<>();
        for (int i = 0; i < entries.getLength(); i++) {
            updated.add(((Element) entries.item(i)).getElementsByTagNameNS(ATOM_NS, "updated").item(0).getTextContent());
        }
        assertThat(updated).as("each entry its own updated").hasSize(entries.getLength());
    }

    private static Element xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text))).getDocumentElement();
    }
}
