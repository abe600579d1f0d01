package org.imagehub.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.imagehub.testing.Api;
import org.imagehub.testing.Consumers;
import org.imagehub.testing.Corpus;
import org.imagehub.testing.Eventually;
import org.imagehub.testing.Publishing;
import org.imagehub.testing.Stories;
import org.junit.jupiter.api.Test;

/**
 * Per-language analysis on the embedded cluster, which gets the hub's analysis plugin (src/es-analysis-plugin):
 * ICU folding, smartcn words, French stemming, Ukrainian lemmas — each language matched by its own analyzer.
 */
@QuarkusTest
class LanguageAnalysisTests {
    private static final String SEARCH = "/api/v1/search";

    private static String newTopic() {
        String topic = "analysis-" + Long.toString(System.nanoTime(), 36);
        Api.asAdmin().body(Map.of("labels", Map.of("en", topic))).put("/api/v1/manage/topics/" + topic).then().statusCode(201);
        return topic;
    }

    private static List<String> ids(String key, String query) {
        return Consumers.withKey(key).get(SEARCH + "?" + query).then().statusCode(200).extract().path("items.id");
    }

    private static Map<String, Object> localization(String lang, String title, String body) {
        return Map.of("lang", lang, "title", title, "body", "<p>" + body + "</p>");
    }

    @Test
    void readinessReportsThePluginsAnalyzerForEachLanguage() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'elasticsearch' }.data.clusterPlugins", containsString("imagehub-analysis"))
                .body("checks.find { it.name == 'elasticsearch' }.data.languageAnalyzers", containsString("fr=imagehub-analysis"))
                .body("checks.find { it.name == 'elasticsearch' }.data.languageAnalyzers", containsString("zh=imagehub-analysis: smartcn"))
                .body("checks.find { it.name == 'elasticsearch' }.data.languageAnalyzers", containsString("morfologik lemmas"))
                .body("checks.name", hasItem("elasticsearch"));
    }

    @Test
    void frenchIsStemmedAndFoldedVietnameseFoldedChineseSegmentedUkrainianFoundByItsOwnWords() {
        String topic = newTopic();
        String key = Consumers.reading().key();
        String french = Publishing.published(Stories.article().with("topics", List.of(topic)).withLocalization(localization("fr",
                "Les élèves préparent l'élection du conseil", "Chaque classe choisit un délégué lors d'une élection au printemps.")));
        String vietnamese = Publishing.published(Stories.article().with("topics", List.of(topic))
                .withLocalization(Corpus.localization("vi", "vi-resolution-47-qa.txt", null)));
        String chinese = Publishing.published(Stories.article().with("topics", List.of(topic))
                .withLocalization(Corpus.localization("zh-Hans", "zh-31st-diplomatic-conference-vna.txt", null)));
        String ukrainian = Publishing.published(Stories.article().with("topics", List.of(topic))
                .withLocalization(Corpus.localization("uk", "uk-steering-committee-2025.txt", null)));
        String scoped = "topic=" + topic + "&q=";

        Eventually.until("the French story indexed", () -> ids(key, scoped + "élection"), found -> found.equals(List.of(french)));
        // Plural to singular only through the French stemmer: neither the standard nor the folded field has "elections".
        assertThat(ids(key, scoped + "élections")).containsExactly(french);
        assertThat(ids(key, scoped + "ELECTIONS")).containsExactly(french);
        assertThat(ids(key, scoped + "eleves")).containsExactly(french);
        assertThat(ids(key, scoped + "délégués")).containsExactly(french);

        Eventually.until("the Vietnamese story indexed", () -> ids(key, scoped + "Hà Nội"), found -> found.contains(vietnamese));
        assertThat(ids(key, scoped + "ha noi")).contains(vietnamese).doesNotContain(french);

        Eventually.until("the Chinese story indexed", () -> ids(key, scoped + "外交部"), found -> found.contains(chinese));
        assertThat(ids(key, scoped + "部交外")).isEmpty();

        Eventually.until("the Ukrainian story indexed", () -> ids(key, scoped + "конференцію"), found -> found.equals(List.of(ukrainian)));
        assertThat(ids(key, scoped + "КЕРІВНИЙ комітет")).containsExactly(ukrainian);
        // Other inflections than the story's own ("резолюцію", "конференцію", "конференції", "дипломатії") meet through
        // the morfologik lemmas: no field holds these forms as such.
        assertThat(ids(key, scoped + "резолюція")).containsExactly(ukrainian);
        assertThat(ids(key, scoped + "конференціями")).containsExactly(ukrainian);
        assertThat(ids(key, scoped + "дипломатією")).containsExactly(ukrainian);
        // Typographic apostrophes meet the dictionary's "'" ("з'їзду" in the story).
        assertThat(ids(key, scoped + "з’їзд")).containsExactly(ukrainian);
    }
}
