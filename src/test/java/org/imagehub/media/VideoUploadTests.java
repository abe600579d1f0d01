package org.imagehub.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.imagehub.media.video.MultipartStorage;
import org.imagehub.media.video.VideoUploads;
import org.imagehub.testing.Api;
import org.imagehub.testing.Database;
import org.imagehub.testing.TestImages;
import org.imagehub.testing.TestVideos;
import org.junit.jupiter.api.Test;

/** Big videos sent straight to the real S3 server by presigned multipart upload, then checked by the hub. */
@QuarkusTest
class VideoUploadTests {
    static final String UPLOADS = "/api/v1/manage/media/uploads";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    ObjectStorage storage;

    @Inject
    MultipartStorage multipart;

    @Inject
    VideoUploads uploads;

    static JsonPath start(String contentType, byte[] file, String filename) {
        return Api.as("editor.mofa").contentType("application/json")
                .body(Map.of("contentType", contentType, "bytes", file.length, "filename", filename))
                .post(UPLOADS).then().statusCode(201).extract().jsonPath();
    }

    /** PUTs each part to its presigned URL with the JDK client, as a browser or a CLI would: the hub sees none of it. */
    static void sendParts(JsonPath plan, byte[] file) throws Exception {
        sendParts(plan, file, plan.getList("parts").size());
    }

    static void sendParts(JsonPath plan, byte[] file, int count) throws Exception {
        long partBytes = plan.getLong("partBytes");
        List<String> urls = plan.getList("parts.url");
        for (int i = 0; i < count; i++) {
            int from = (int) (i * partBytes);
            byte[] part = Arrays.copyOfRange(file, from, (int) Math.min(file.length, from + partBytes));
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(urls.get(i)))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(part)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("part %d: %s", i + 1, answer.body()).isEqualTo(200);
            assertThat(answer.headers().firstValue("ETag")).isPresent();
        }
    }

    static io.restassured.response.Response complete(String uploadId) {
        return Api.as("editor.mofa").post(UPLOADS + "/" + uploadId + "/complete");
    }

    @Test
    void aVideoSentInPartsStraightToStorageBecomesAnAssetWithItsDurationAndSize() throws Exception {
        byte[] video = TestVideos.mp4(1920, 1080, 93_480, 11 * 1024 * 1024 + 123, 1);
        JsonPath plan = start("video/mp4", video, "../lanterns.mp4");
        assertThat(plan.getList("parts")).hasSize(3);
        assertThat(plan.getString("parts[0].url")).contains("uploadId=").contains("partNumber=1").contains("X-Amz-Signature=");
        String key = (String) Database.value("select object_key from media_upload where id = ?", plan.getString("id"));
        assertThat(key).matches("videos/[0-9a-z]+\\.mp4").doesNotContain("lanterns");

        sendParts(plan, video);
        JsonPath asset = complete(plan.getString("id")).then().statusCode(201)
                .body("kind", equalTo("video")).body("mediaType", equalTo("video/mp4"))
                .body("width", equalTo(1920)).body("height", equalTo(1080)).body("durationMs", equalTo(93480))
                .body("bytes", equalTo(video.length)).body("filename", equalTo("lanterns.mp4")).body("renditions", equalTo("ready"))
                .body("sha256", equalTo(org.imagehub.platform.Hashes.sha256Hex(video)))
                .extract().jsonPath();
        assertThat(storage.stat(key)).hasValueSatisfying(stat -> assertThat(stat.size()).isEqualTo(video.length));
        assertThat(Database.value("select count(*) from media_upload where id = ?", plan.getString("id"))).isEqualTo(0L);
        byte[] served = Api.as("editor.mofa").get(asset.getString("original.url")).then().statusCode(200).extract().asByteArray();
        assertThat(served).isEqualTo(video);

        JsonPath again = start("video/mp4", video, "copy.mp4");
        sendParts(again, video);
        complete(again.getString("id")).then().statusCode(200).body("id", equalTo(asset.getString("id")));
        assertThat(storage.stat("videos/" + again.getString("id") + ".mp4")).isEmpty();

        String posterId = Api.as("editor.mofa").contentType("multipart/form-data")
                .multiPart("file", "poster.jpg", TestImages.jpeg(640, 360), "image/jpeg").post("/api/v1/manage/media").path("id");
        Api.as("editor.mofa").contentType("application/json").header("If-Match", "\"v1\"")
                .body(Map.of("posterId", posterId, "texts", Map.of("fr", Map.of("caption", "Lanternes", "altText", "Des lanternes"))))
                .put("/api/v1/manage/media/" + asset.getString("id")).then().statusCode(200).body("posterId", equalTo(posterId));
        String posterTag = Api.as("editor.mofa").get("/api/v1/manage/media/" + posterId).header("ETag");
        Api.as("editor.mofa").contentType("application/json").header("If-Match", posterTag).body(Map.of("posterId", asset.getString("id")))
                .put("/api/v1/manage/media/" + posterId).then().statusCode(400).body("errors[0].field", equalTo("posterId"));
    }

    @Test
    void aVideosGpsAndPersonalTagsAreBlankedInStorageBeforeItBecomesAnAssetAndEveryOffsetIsKept() throws Exception {
        byte[] video = TestVideos.mp4WithGps(1280, 720, 8_000, 400 * 1024, 7, "+21.0285+105.8542/", "Nguyen Van A");
        String uploaded = new String(video, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(uploaded).contains("\u00a9xyz").contains("+21.0285+105.8542/").contains("Nguyen Van A");
        JsonPath plan = start("video/mp4", video, "phone.mp4");
        sendParts(plan, video);

        JsonPath asset = complete(plan.getString("id")).then().statusCode(201)
                .body("durationMs", equalTo(8000)).body("width", equalTo(1280)).body("height", equalTo(720))
                .body("sha256", equalTo(org.imagehub.platform.Hashes.sha256Hex(video))).extract().jsonPath();
        byte[] served = Api.as("editor.mofa").get(asset.getString("original.url")).then().statusCode(200).extract().asByteArray();
        String text = new String(served, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("\u00a9xyz").doesNotContain("+21.0285").doesNotContain("Nguyen Van A").doesNotContain("udta");
        assertThat(served).hasSameSizeAs(video);
        // Same sizes, so the sample data and every offset into it are where they were.
        int mdat = uploaded.indexOf("mdat") - 4;
        assertThat(Arrays.copyOfRange(served, 0, 8)).isEqualTo(Arrays.copyOfRange(video, 0, 8));
        assertThat(Arrays.copyOfRange(served, mdat, served.length)).isEqualTo(Arrays.copyOfRange(video, mdat, video.length));
        String storedSha = org.imagehub.platform.Hashes.sha256Hex(served);
        assertThat(asset.getString("original.url")).contains("original-" + storedSha.substring(0, 16));
        assertThat(storage.stat((String) Database.value("select original_key from media_asset where id = ?", asset.getString("id"))))
                .hasValueSatisfying(stat -> assertThat(stat.size()).isEqualTo(video.length));
    }

    @Test
    void aCompletedUploadThatIsNotAVideoIsRefusedAndNothingRemains() throws Exception {
        byte[] pdf = new byte[6 * 1024 * 1024];
        byte[] head = TestImages.pdf();
        System.arraycopy(head, 0, pdf, 0, head.length);
        JsonPath plan = start("video/mp4", pdf, "holiday.mp4");
        String key = (String) Database.value("select object_key from media_upload where id = ?", plan.getString("id"));
        sendParts(plan, pdf);

        complete(plan.getString("id")).then().statusCode(415).body("type", org.hamcrest.Matchers.endsWith("unsupported-media-type"))
                .body("errors[0].field", equalTo("file")).body("detail", org.hamcrest.Matchers.containsString("application/pdf"));
        assertThat(storage.stat(key)).isEmpty();
        assertThat(Database.value("select count(*) from media_upload where id = ?", plan.getString("id"))).isEqualTo(0L);
        assertThat(Database.value("select count(*) from media_asset where original_key = ?", key)).isEqualTo(0L);
    }

    @Test
    void anUploadOverTheLimitIsRefusedAtTheStartAndAnAbandonedOneIsAbortedAfterItsExpiry() throws Exception {
        Api.as("editor.mofa").contentType("application/json").body(Map.of("contentType", "video/mp4", "bytes", 6L * 1024 * 1024 * 1024))
                .post(UPLOADS).then().statusCode(413).body("errors[0].field", equalTo("bytes"));
        Api.as("editor.mofa").contentType("application/json").body(Map.of("contentType", "image/jpeg", "bytes", 10))
                .post(UPLOADS).then().statusCode(400).body("errors[0].field", equalTo("contentType"));

        byte[] video = TestVideos.mp4(640, 480, 5_000, 6 * 1024 * 1024, 2);
        JsonPath plan = start("video/mp4", video, "abandoned.mp4");
        sendParts(plan, video, 1);
        String id = plan.getString("id");
        String key = (String) Database.value("select object_key from media_upload where id = ?", id);
        String s3UploadId = (String) Database.value("select s3_upload_id from media_upload where id = ?", id);
        assertThat(multipart.parts(key, s3UploadId)).hasSize(1);
        Api.as("editor.hue").post(UPLOADS + "/" + id + "/complete").then().statusCode(404);

        Database.update("update media_upload set expires_at = now() - interval '1 minute' where id = ?", id);
        assertThat(uploads.abortExpired()).isGreaterThanOrEqualTo(1);

        assertThat(Database.value("select count(*) from media_upload where id = ?", id)).isEqualTo(0L);
        assertThat(multipart.parts(key, s3UploadId)).as("parts storage still holds").isEmpty();
        complete(id).then().statusCode(404);
        assertThat(storage.stat(key)).isEmpty();
    }
}
