package org.imagehub.delivery.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.imagehub.delivery.DeliveredStory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class JsonLdMapperTest {
    private static final SchemaOrgVocabulary SCHEMA_ORG = SchemaOrgVocabulary.load();

    private final JsonLdMapper mapper = new JsonLdMapper("Image Hub", "https://hub.example.org/");

    static List<String> corpusLanguages() {
        return DeliveredStories.corpusLanguages();
    }

    @ParameterizedTest
    @MethodSource("corpusLanguages")
    void newsArticleUsesOnlySchemaOrgTermsWhereTheyBelong(String lang) {
        ObjectNode article = mapper.newsArticle(DeliveredStories.inLanguage(lang).alsoIn("en").build());

        assertThat(SCHEMA_ORG.violations(article)).isEmpty();
    }

    @Test
    void imagesAreImageObjectsWithCaptionCreditAndLicence() {
        ObjectNode article = mapper.newsArticle(DeliveredStories.inLanguage("fr").withImage().build());

        assertThat(SCHEMA_ORG.violations(article)).isEmpty();
        assertThat(article.at("/image/0/@type").asText()).isEqualTo("ImageObject");
        assertThat(article.at("/image/0/caption").asText()).isEqualTo("Hạ Long <Bay> & islands");
        assertThat(article.at("/image/0/creditText").asText()).isEqualTo("Photo: VNA");
        assertThat(article.at("/image/0/license").asText()).isEqualTo("CC BY 4.0");
    }

    @Test
    void aVideoIsAVideoObjectWithAnIsoDurationItsPosterAsThumbnailAndItsUploadDate() {
        ObjectNode article = mapper.newsArticle(DeliveredStories.inLanguage("fr").withImage().withVideo().build());

        assertThat(SCHEMA_ORG.violations(article)).isEmpty();
        assertThat(article.path("image")).hasSize(1);
        assertThat(article.at("/video/0/@type").asText()).isEqualTo("VideoObject");
        assertThat(article.at("/video/0/name").asText()).isEqualTo("Lanterns of Hội An");
        assertThat(article.at("/video/0/contentUrl").asText()).endsWith("/original-7d65f86d08188c9f.mp4");
        assertThat(article.at("/video/0/duration").asText()).isEqualTo("PT1M33.48S");
        assertThat(article.at("/video/0/thumbnailUrl").asText()).endsWith("/large-5555666677778888.jpg");
        assertThat(article.at("/video/0/uploadDate").asText()).isEqualTo("2026-11-30T09:15:00Z");
        assertThat(article.at("/video/0/encodingFormat").asText()).isEqualTo("video/mp4");
    }

    @Test
    void theVocabularyCheckCatchesUnknownAndMisplacedTerms() {
        ObjectNode article = mapper.newsArticle(DeliveredStories.inLanguage("fr").build());
        article.put("verdict", "false");
        article.put("ratingValue", 1);

        assertThat(SCHEMA_ORG.violations(article)).containsExactlyInAnyOrder(
                "$: no property verdict", "$: ratingValue is not a property of NewsArticle");
    }

    @Test
    void newsArticleDescribesTheStoryInItsLanguage() {
        DeliveredStory story = DeliveredStories.inLanguage("vi").alsoIn("fr", "zh-Hans").build();

        ObjectNode article = mapper.newsArticle(story);

        assertThat(article.path("@context").asText()).isEqualTo("https://schema.org");
        assertThat(article.path("@type").asText()).isEqualTo("NewsArticle");
        assertThat(article.path("headline").asText()).isEqualTo(story.title());
        assertThat(article.path("description").asText()).isEqualTo(story.summary());
        assertThat(article.path("articleBody").asText()).isEqualTo(story.bodyText()).doesNotContain("<p>");
        assertThat(article.path("inLanguage").asText()).isEqualTo("vi");
        assertThat(article.path("url").asText()).isEqualTo(story.url());
        assertThat(article.path("datePublished").asText()).isEqualTo(story.firstPublishedAt().toString());
        assertThat(article.path("dateModified").asText()).isEqualTo(story.publishedAt().toString());
        assertThat(article.path("author").path("name").asText()).isEqualTo("Ministry of Foreign Affairs");
        assertThat(article.path("publisher").path("name").asText()).isEqualTo("Image Hub");
        assertThat(article.path("keywords")).extracting(JsonNode::asText)
                .containsExactly("resolution-47", "2030", "foreign-information", "government");
        assertThat(article.path("spatialCoverage").get(0).path("name").asText()).isEqualTo("Việt Nam");
        assertThat(article.path("workTranslation").findValuesAsText("inLanguage")).containsExactly("fr", "zh-Hans");
        assertThat(article.path("workTranslation").findValuesAsText("url")).allMatch(url -> url.startsWith(DeliveredStories.BASE_URL));
    }

    @Test
    void newsArticleCarriesCreditHolderAndLicence() {
        ObjectNode article = mapper.newsArticle(DeliveredStories.inLanguage("uk")
                .rights("Фото: VNA", "Vietnam News Agency", "https://creativecommons.org/licenses/by/4.0/").build());

        assertThat(article.path("creditText").asText()).isEqualTo("Фото: VNA");
        assertThat(article.path("copyrightHolder").path("name").asText()).isEqualTo("Vietnam News Agency");
        assertThat(article.path("license").asText()).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
    }

    @Test
    void onlyFactChecksHaveAClaimReview() {
        assertThat(mapper.claimReview(DeliveredStories.inLanguage("fr").build())).isEmpty();
        assertThat(mapper.claimReview(DeliveredStories.inLanguage("fr").factCheck("false").build())).isPresent();
    }

    @ParameterizedTest
    @MethodSource("corpusLanguages")
    void claimReviewUsesOnlySchemaOrgTermsWhereTheyBelong(String lang) {
        ObjectNode review = mapper.claimReview(DeliveredStories.inLanguage(lang).factCheck("misleading").build()).orElseThrow();

        assertThat(SCHEMA_ORG.violations(review)).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void claimReviewQuotesTheClaimNamesItsSourcesAndRatesIt() {
        DeliveredStory story = DeliveredStories.inLanguage("zh-Hans").factCheck("false").build();

        ObjectNode review = mapper.claimReview(story).orElseThrow();

        assertThat(review.path("@type").asText()).isEqualTo("ClaimReview");
        assertThat(review.path("url").asText()).isEqualTo(story.url());
        assertThat(review.path("datePublished").asText()).isEqualTo(story.firstPublishedAt().toString());
        assertThat(review.path("claimReviewed").asText()).isEqualTo(story.localizationFields().get("claimQuoted"));
        assertThat(review.path("reviewBody").asText()).isEqualTo(story.localizationFields().get("officialFacts"));
        assertThat(review.path("author").path("name").asText()).isEqualTo("Image Hub");
        JsonNode claim = review.path("itemReviewed");
        assertThat(claim.path("@type").asText()).isEqualTo("Claim");
        assertThat(claim.path("author").path("name").asText()).isEqualTo("Anonymous video channel");
        List<Map<String, String>> circulatedOn = (List<Map<String, String>>) story.storyFields().get("circulatedOn");
        assertThat(claim.path("appearance").findValuesAsText("url"))
                .containsExactlyElementsOf(circulatedOn.stream().map(place -> place.get("url")).toList());
        assertThat(claim.path("appearance").get(0).path("datePublished").asText()).isEqualTo("2024-04-20");
        assertThat(claim.path("appearance").get(0).path("publisher").path("name").asText()).isEqualTo("YouTube");
        JsonNode rating = review.path("reviewRating");
        assertThat(rating.path("alternateName").asText()).isEqualTo("false");
        assertThat(rating.path("ratingValue").asInt()).isEqualTo(1);
        assertThat(rating.path("worstRating").asInt()).isEqualTo(1);
        assertThat(rating.path("bestRating").asInt()).isEqualTo(5);
        assertThat(review.path("citation").findValuesAsText("url")).containsExactly("https://chinhphu.vn/resolution-47");
    }

    @ParameterizedTest
    @CsvSource({"false, 1", "misleading, 2", "unsupported, 2", "partly-false, 3", "accurate, 5"})
    void everyVerdictHasARatingOnTheOneToFiveScale(String verdict, int expected) {
        ObjectNode review = mapper.claimReview(DeliveredStories.inLanguage("fr").factCheck(verdict).build()).orElseThrow();

        assertThat(review.path("reviewRating").path("ratingValue").asInt()).isEqualTo(expected);
        assertThat(review.path("reviewRating").path("alternateName").asText()).isEqualTo(verdict);
    }

    @Test
    void anUnknownVerdictIsRefusedRatherThanGuessed() {
        DeliveredStory story = DeliveredStories.inLanguage("fr").factCheck("satire").build();

        assertThatIllegalArgumentException().isThrownBy(() -> mapper.claimReview(story)).withMessageContaining("satire");
    }
}
