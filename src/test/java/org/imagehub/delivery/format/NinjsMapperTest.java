package org.imagehub.delivery.format;

import org.imagehub.testing.SharedSchemas;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.imagehub.delivery.DeliveredStory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NinjsMapperTest {
    private static final SharedSchemas.JsonValidator NINJS_21 = SharedSchemas.ninjs21();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NinjsMapper mapper = new NinjsMapper();

    static List<String> corpusLanguages() {
        return DeliveredStories.corpusLanguages();
    }

    @ParameterizedTest
    @MethodSource("corpusLanguages")
    void everyLanguageIsValidNinjs21(String lang) throws IOException {
        DeliveredStory story = DeliveredStories.inLanguage(lang).alsoIn("en").embargoedUntil(Instant.parse("2024-04-16T00:00:00Z"))
                .expiresAt(Instant.parse("2030-12-31T00:00:00Z")).build();

        String json = JSON.writeValueAsString(mapper.toNinjs(story));

        assertThat(NINJS_21.errors(json)).isEmpty();
        JsonNode parsed = JSON.readTree(json);
        assertThat(parsed.path("language").asText()).isEqualTo(lang);
        assertThat(parsed.path("headlines").get(0).path("value").asText()).isEqualTo(story.title());
    }

    @Test
    void imagesAreAssociatedPicturesWithRenditionsAndStillValidNinjs21() throws IOException {
        DeliveredStory story = DeliveredStories.inLanguage("fr").withImage().build();

        String json = JSON.writeValueAsString(mapper.toNinjs(story));

        assertThat(NINJS_21.errors(json)).isEmpty();
        JsonNode picture = JSON.readTree(json).path("associations").get(0);
        assertThat(picture.path("type").asText()).isEqualTo("picture");
        assertThat(picture.path("uri").asText()).isEqualTo("urn:image-hub:media:01jd8x6m3v9q2w7r5t4y1k0zpa");
        assertThat(picture.path("descriptions").findValuesAsText("role")).containsExactly("caption", "alt");
        assertThat(picture.path("renditions").findValuesAsText("name")).containsExactly("original", "large", "large-webp", "social-landscape");
        assertThat(picture.path("renditions").get(1).path("width").asInt()).isEqualTo(1600);
    }

    @Test
    void aVideoIsAnAssociatedVideoWithItsDurationAndPosterRenditionsAndStillValidNinjs21() throws IOException {
        DeliveredStory story = DeliveredStories.inLanguage("fr").withImage().withVideo().build();

        String json = JSON.writeValueAsString(mapper.toNinjs(story));

        assertThat(NINJS_21.errors(json)).isEmpty();
        JsonNode video = JSON.readTree(json).path("associations").get(1);
        assertThat(video.path("type").asText()).isEqualTo("video");
        assertThat(video.path("name").asText()).isEqualTo("video-1");
        assertThat(video.path("renditions").findValuesAsText("name")).containsExactly("original", "poster-large", "poster-large-webp",
                "poster-original");
        JsonNode file = video.path("renditions").get(0);
        assertThat(file.path("contenttype").asText()).isEqualTo("video/mp4");
        assertThat(file.path("duration").asDouble()).isEqualTo(93.48);
        assertThat(file.path("width").asInt()).isEqualTo(1920);
        assertThat(video.path("descriptions").findValuesAsText("value")).containsExactly("Lanterns of Hội An", "Paper lanterns lit over the river");
    }

    /** Proves the validator is wired to the real schema: IPTC's own examples pass and its counter-examples fail. */
    @Test
    void validatorAgreesWithTheIptcTestSuite() throws IOException {
        Path suite = SharedSchemas.dir().resolve("ninjs/test_suite/2.1");
        try (Stream<Path> pass = Files.list(suite.resolve("should_pass")); Stream<Path> fail = Files.list(suite.resolve("should_fail"))) {
            assertThat(pass.toList()).isNotEmpty().allSatisfy(file -> assertThat(NINJS_21.errors(Files.readString(file))).as(file.toString()).isEmpty());
            assertThat(fail.toList()).isNotEmpty().allSatisfy(file -> assertThat(NINJS_21.errors(Files.readString(file))).as(file.toString()).isNotEmpty());
        }
    }

    @Test
    void identifiesTheItemPerLanguageAndVersion() {
        DeliveredStory story = DeliveredStories.inLanguage("vi").version(7).build();

        ObjectNode ninjs = mapper.toNinjs(story);

        assertThat(ninjs.path("uri").asText()).isEqualTo("urn:image-hub:story:resolution-47:vi");
        assertThat(ninjs.path("version").isTextual()).isTrue();
        assertThat(ninjs.path("version").asText()).isEqualTo("7");
        assertThat(ninjs.path("standard").path("version").asText()).isEqualTo("2.1");
        assertThat(ninjs.path("standard").path("schema").asText()).isEqualTo(NinjsMapper.SCHEMA_URI);
        assertThat(ninjs.path("pubstatus").asText()).isEqualTo("usable");
        assertThat(ninjs.path("firstcreated").asText()).isEqualTo(story.firstPublishedAt().toString());
        assertThat(ninjs.path("versioncreated").asText()).isEqualTo(story.publishedAt().toString());
    }

    @Test
    void breakingStoriesAreMostUrgent() {
        int breaking = mapper.toNinjs(DeliveredStories.inLanguage("fr").breaking().build()).path("urgency").asInt();
        int normal = mapper.toNinjs(DeliveredStories.inLanguage("fr").build()).path("urgency").asInt();

        assertThat(breaking).isEqualTo(1);
        assertThat(normal).isEqualTo(5);
    }

    @Test
    void embargoAppearsOnlyWhenSet() {
        Instant until = Instant.parse("2024-04-16T00:00:00Z");

        assertThat(mapper.toNinjs(DeliveredStories.inLanguage("fr").embargoedUntil(until).build()).path("embargoed").asText())
                .isEqualTo(until.toString());
        assertThat(mapper.toNinjs(DeliveredStories.inLanguage("fr").build()).has("embargoed")).isFalse();
    }

    @Test
    void carriesHtmlAndPlainBodiesWithTheirContentTypes() {
        DeliveredStory story = DeliveredStories.inLanguage("uk").build();

        JsonNode bodies = mapper.toNinjs(story).path("bodies");

        assertThat(bodies.findValuesAsText("contenttype")).containsExactly("text/html", "text/plain");
        assertThat(bodies.get(0).path("value").asText()).isEqualTo(story.bodyHtml());
        assertThat(bodies.get(1).path("value").asText()).isEqualTo(story.bodyText());
        assertThat(mapper.toNinjs(story).path("descriptions").get(0).path("value").asText()).isEqualTo(story.summary());
    }

    @Test
    void topicsTagsAndCountriesBecomeSubjectsAndNamedPlaces() {
        ObjectNode ninjs = mapper.toNinjs(DeliveredStories.inLanguage("zh-Hans").build());

        assertThat(ninjs.path("subjects").findValuesAsText("literal"))
                .containsExactly("foreign-information", "government", "resolution-47", "2030");
        assertThat(ninjs.path("subjects").findValuesAsText("rel")).containsExactly("topic", "topic", "tag", "tag");
        assertThat(ninjs.path("places").get(0).path("literal").asText()).isEqualTo("VN");
        assertThat(ninjs.path("places").get(0).path("name").asText()).isEqualTo("越南");
    }

    @Test
    void rightsNameHolderCreditAndTerms() {
        ObjectNode plain = mapper.toNinjs(DeliveredStories.inLanguage("fr").build());
        ObjectNode linked = mapper.toNinjs(DeliveredStories.inLanguage("fr")
                .rights("Photo : VNA", "Agence vietnamienne d'information", "https://creativecommons.org/licenses/by/4.0/").build());

        assertThat(plain.path("copyrightholder").asText()).isEqualTo("Ministry of Foreign Affairs");
        assertThat(plain.path("by").asText()).isEqualTo("VNA");
        assertThat(plain.path("usageterms").asText()).isEqualTo("CC-BY-4.0");
        assertThat(plain.has("rightsinfo")).isFalse();
        assertThat(linked.path("copyrightholder").asText()).isEqualTo("Agence vietnamienne d'information");
        assertThat(linked.path("rightsinfo").path("linkedrights").asText()).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        assertThat(NINJS_21.errors(linked.toString())).isEmpty();
    }

    @Test
    void aWithdrawnStoryIsCanceledUnderItsOwnUri() {
        DeliveredStory story = DeliveredStories.inLanguage("vi").version(4).build();
        Instant withdrawnAt = Instant.parse("2024-06-01T08:00:00Z");

        ObjectNode canceled = mapper.canceled(story.id(), story.lang(), 5, withdrawnAt);

        assertThat(NINJS_21.errors(canceled.toString())).isEmpty();
        assertThat(canceled.path("uri").asText()).isEqualTo(mapper.toNinjs(story).path("uri").asText());
        assertThat(canceled.path("pubstatus").asText()).isEqualTo("canceled");
        assertThat(canceled.path("version").asText()).isEqualTo("5");
        assertThat(canceled.path("versioncreated").asText()).isEqualTo(withdrawnAt.toString());
    }
}
