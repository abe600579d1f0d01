package org.imagehub.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.imagehub.media.MediaUploadTests.MEDIA;
import static org.imagehub.media.MediaUploadTests.ready;
import static org.imagehub.media.MediaUploadTests.upload;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.imagehub.testing.Api;
import org.imagehub.testing.Consumers;
import org.imagehub.testing.Eventually;
import org.imagehub.testing.Publishing;
import org.imagehub.testing.Stories;
import org.imagehub.testing.TestImages;
import org.imagehub.testing.TestVideos;
import org.junit.jupiter.api.Test;

/** A story's video and its poster, as consumers get them once the story is published (and not before). */
@QuarkusTest
class VideoInStoriesTests {
    /** A video asset of 12.5 s, 1280 × 720, with a poster and French caption and alt text: its id, and its poster's. */
    static String[] videoWithPoster(byte[] video, long seed) throws Exception {
        JsonPath plan = VideoUploadTests.start("video/mp4", video, "lanterns.mp4");
        VideoUploadTests.sendParts(plan, video);
        String videoId = VideoUploadTests.complete(plan.getString("id")).then().statusCode(201).extract().path("id");
        String posterId = upload("editor.mofa", "poster.jpg", TestImages.jpeg(1280 + (int) seed, 720), "image/jpeg").then().statusCode(201)
                .extract().path("id");
        Api.as("approver.mofa").header("If-Match", "\"v1\"").body(Map.of("posterId", posterId, "credit", "Video: VNA",
                        "texts", Map.of("fr", Map.of("caption", "Les lanternes de Hội An", "altText", "Des lanternes sur la rivière"))))
                .put(MEDIA + "/" + videoId).then().statusCode(200);
        return new String[] {videoId, posterId};
    }

    @Test
    void aPublishedStoryDeliversItsVideoWithPosterEverywhereAndOnlyThenAreTheirFilesPublic() throws Exception {
        byte[] video = TestVideos.mp4(1280, 720, 12_500, 300 * 1024, 1);
        String[] ids = videoWithPoster(video, 1);
        String videoId = ids[0];
        String posterId = ids[1];
        String storyId = Api.as("editor.mofa").body(Stories.article().inLanguages("fr").build()).post("/api/v1/manage/stories")
                .then().statusCode(201).extract().path("id");
        String etag = Api.as("editor.mofa").get("/api/v1/manage/stories/" + storyId).then().extract().header("ETag");
        Api.as("editor.mofa").header("If-Match", etag).body(Map.of("items", List.of(Map.of("assetId", videoId, "role", "video"))))
                .put("/api/v1/manage/stories/" + storyId + "/media").then().statusCode(200);
        String videoUrl = Api.as("editor.mofa").get(MEDIA + "/" + videoId).then().extract().path("original.url");
        String posterUrl = MediaLibraryTests.fileUrl(ready(posterId), "large", "image/jpeg");
        RestAssured.get(videoUrl).then().statusCode(404);
        RestAssured.get(posterUrl).then().statusCode(404);

        Publishing.act(storyId, "fr", "admin", "submit");
        Publishing.act(storyId, "fr", "admin", "approve");
        Publishing.act(storyId, "fr", "admin", "publish");

        String key = Consumers.reading().key();
        JsonPath detail = Eventually.until("the poster's renditions in the published story", () -> Consumers.withKey(key)
                .get("/api/v1/stories/" + storyId + "?lang=fr").then().statusCode(200).extract().jsonPath(),
                json -> !json.getList("media[0].poster.renditions.url", String.class).isEmpty());
        assertThat(detail.getString("media[0].kind")).isEqualTo("video");
        assertThat(detail.getString("media[0].role")).isEqualTo("video");
        assertThat(detail.getString("media[0].mediaType")).isEqualTo("video/mp4");
        assertThat(detail.getLong("media[0].durationMs")).isEqualTo(12_500L);
        assertThat(detail.getInt("media[0].width")).isEqualTo(1280);
        assertThat(detail.getInt("media[0].height")).isEqualTo(720);
        assertThat(detail.getString("media[0].caption")).isEqualTo("Les lanternes de Hội An");
        assertThat(detail.getString("media[0].altText")).isEqualTo("Des lanternes sur la rivière");
        assertThat(detail.getString("media[0].original.url")).endsWith(videoUrl);
        assertThat(detail.getString("media[0].poster.assetId")).isEqualTo(posterId);
        assertThat(detail.getList("media[0].poster.renditions.url", String.class)).anySatisfy(url -> assertThat(url).endsWith(posterUrl));
        String slug = detail.getString("slug");
        Consumers.withKey(key).get("/api/v1/stories/by-slug/fr/" + slug).then().statusCode(200)
                .body("media[0].kind", equalTo("video")).body("media[0].poster.assetId", equalTo(posterId));

        Consumers.withKey(key).get("/api/v1/stories/" + storyId + "/ninjs?lang=fr").then().statusCode(200)
                .body("associations[0].type", equalTo("video"))
                .body("associations[0].renditions[0].contenttype", equalTo("video/mp4"))
                .body("associations[0].renditions[0].duration", equalTo(12.5f))
                .body("associations[0].renditions.name", hasItem("poster-large"));
        Consumers.withKey(key).get("/api/v1/stories/" + storyId + "/jsonld?lang=fr").then().statusCode(200)
                .body("[0].video[0].'@type'", equalTo("VideoObject"))
                .body("[0].video[0].duration", equalTo("PT12.5S"))
                .body("[0].video[0].contentUrl", endsWith(videoUrl))
                .body("[0].video[0].thumbnailUrl", endsWith(posterUrl))
                .body("[0].video[0].uploadDate", org.hamcrest.Matchers.notNullValue());
        Consumers.withKey(key).get("/api/v1/feeds/fr.json").then().statusCode(200)
                .body("items.find { it.id.contains('" + storyId + "') }.attachments[0].mime_type", equalTo("video/mp4"))
                .body("items.find { it.id.contains('" + storyId + "') }.image", endsWith(posterUrl));
        assertThat(Consumers.withKey(key).get("/api/v1/feeds/fr.rss").then().statusCode(200).extract().asString())
                .contains(videoUrl + "\"").contains("type=\"video/mp4\"");

        RestAssured.get(videoUrl).then().statusCode(200).contentType("video/mp4").header("Accept-Ranges", "bytes");
        RestAssured.get(posterUrl).then().statusCode(200).contentType("image/jpeg");

        // A player seeks with byte ranges: 206 with exactly those bytes, the last n bytes, and 416 past the end.
        var part = RestAssured.given().header("Range", "bytes=1000-1999").get(videoUrl).then().statusCode(206)
                .header("Content-Range", "bytes 1000-1999/" + video.length).header("Accept-Ranges", "bytes")
                .header("Content-Length", "1000").contentType("video/mp4").extract().asByteArray();
        assertThat(part).isEqualTo(java.util.Arrays.copyOfRange(video, 1000, 2000));
        byte[] tail = RestAssured.given().header("Range", "bytes=-100").get(videoUrl).then().statusCode(206)
                .header("Content-Range", "bytes " + (video.length - 100) + "-" + (video.length - 1) + "/" + video.length)
                .extract().asByteArray();
        assertThat(tail).isEqualTo(java.util.Arrays.copyOfRange(video, video.length - 100, video.length));
        byte[] rest = RestAssured.given().header("Range", "bytes=" + (video.length - 10) + "-").get(videoUrl).then().statusCode(206)
                .extract().asByteArray();
        assertThat(rest).hasSize(10);
        RestAssured.given().header("Range", "bytes=" + video.length + "-").get(videoUrl).then().statusCode(416)
                .contentType("application/problem+json").header("Content-Range", "bytes */" + video.length)
                .body("type", equalTo("urn:image-hub:problem:range-not-satisfiable")).body("errors[0].field", equalTo("header.Range"));
        String etagOfVideo = RestAssured.get(videoUrl).header("ETag");
        RestAssured.given().header("Range", "bytes=0-9").header("If-Range", "\"stale\"").get(videoUrl).then().statusCode(200)
                .header("Content-Length", String.valueOf(video.length));
        RestAssured.given().header("Range", "bytes=0-9").header("If-Range", etagOfVideo).get(videoUrl).then().statusCode(206);

        // The poster cropped anew (a moved focal point): the published document shows its new crops.
        String posterTag = Api.as("approver.mofa").get(MEDIA + "/" + posterId).then().extract().header("ETag");
        Api.as("approver.mofa").header("If-Match", posterTag).body(Map.of("focalPoint", Map.of("x", 0.1, "y", 0.9)))
                .put(MEDIA + "/" + posterId).then().statusCode(200);
        String newThumbnail = Eventually.until("the poster's new crops", () -> MediaLibraryTests.fileUrl(ready(posterId), "thumbnail", "image/jpeg"),
                url -> !detail.getList("media[0].poster.renditions.url", String.class).stream().anyMatch(old -> old.endsWith(url)));
        Eventually.until("the new crops in the published story", () -> Consumers.withKey(key).get("/api/v1/stories/" + storyId + "?lang=fr")
                .then().statusCode(200).extract().jsonPath().getList("media[0].poster.renditions.url", String.class),
                urls -> urls.stream().anyMatch(url -> url.endsWith(newThumbnail)));
    }
}
