package org.imagehub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.imagehub.testing.Consumers;
import org.imagehub.testing.Stories;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** JSON-LD is made to be pasted into a page: no stored text may break out of the script element that holds it. */
@QuarkusTest
class JsonLdEmbedTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Closes the script and opens another, opens an HTML comment, carries an entity and the two JavaScript line ends. */
    private static final String HOSTILE = "</script><script>alert(1)</script> <!-- &amp; \u2028 \u2029 end";

    @Test
    void jsonLdCarriesHostileTextOnlyAsEscapesAndRoundTripsThroughAnHtmlPage() throws Exception {
        String key = Consumers.reading().key();
        String title = "Claim " + System.nanoTime() + " " + HOSTILE;
        String id = DeliveryTests.published(Stories.of("fact-check", Map.of("claimant", HOSTILE,
                "circulatedOn", List.of(Map.of("platform", HOSTILE, "url", "https://example.org/post/1?a=1&b=2")),
                "verdict", "false", "evidence", List.of(Map.of("title", HOSTILE, "url", "https://example.org/stats"))))
                .withLocalization(Map.of("lang", "en", "title", title, "summary", "Lead " + HOSTILE,
                        "body", "<p>Facts.</p>", "fields", Map.of("claimQuoted", HOSTILE, "officialFacts", HOSTILE))));

        Response response = Consumers.withKey(key).get("/api/v1/stories/" + id + "/jsonld");
        response.then().statusCode(200).contentType("application/ld+json");
        String body = response.asString();
        assertThat(body).doesNotContain("<", ">", "&", "\u2028", "\u2029");

        JsonNode served = JSON.readTree(body);
        assertThat(served.get(0).get("headline").asText()).isEqualTo(title);
        assertThat(served.get(0).get("description").asText()).isEqualTo("Lead " + HOSTILE);
        JsonNode review = served.get(1);
        assertThat(review.at("/itemReviewed/author/name").asText()).isEqualTo(HOSTILE);
        assertThat(review.at("/itemReviewed/appearance/0/url").asText()).isEqualTo("https://example.org/post/1?a=1&b=2");
        assertThat(review.get("claimReviewed").asText()).isEqualTo(HOSTILE);

        Document page = Jsoup.parse("<html><head><script type=\"application/ld+json\">" + body
                + "</script></head><body><p id=after>x</p></body></html>");
        assertThat(page.select("script")).hasSize(1);
        Element script = page.selectFirst("script");
        assertThat(script.parent()).isEqualTo(page.head());
        assertThat(JSON.readTree(script.data())).isEqualTo(served);
        assertThat(page.getAllElements().stream().map(Element::tagName).toList()).containsExactly("#root", "html", "head", "script", "body", "p");
        assertThat(page.body().children()).singleElement().satisfies(after -> {
            assertThat(after.id()).isEqualTo("after");
            assertThat(after.text()).isEqualTo("x");
        });

        // The answer is still cached and revalidated by its strong ETag.
        String etag = response.header("ETag");
        assertThat(etag).startsWith("\"");
        Consumers.withKey(key).get("/api/v1/stories/" + id + "/jsonld").then().statusCode(200).header("ETag", etag);
        Consumers.withKey(key).header("If-None-Match", etag).get("/api/v1/stories/" + id + "/jsonld").then().statusCode(304);
    }
}
