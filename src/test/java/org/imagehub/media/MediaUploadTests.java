package org.imagehub.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import org.imagehub.testing.Api;
import org.imagehub.testing.Database;
import org.imagehub.testing.Eventually;
import org.imagehub.testing.TestImages;
import org.junit.jupiter.api.Test;

/** Uploads through the API into the real S3 server: what is kept, what is refused, and what is made of it. */
@QuarkusTest
class MediaUploadTests {
    static final String MEDIA = "/api/v1/manage/media";

    @Inject
    ObjectStorage storage;

    static Response upload(String user, String filename, byte[] bytes, String declaredType) {
        return editor(user).multiPart("file", filename, bytes, declaredType).post(MEDIA);
    }

    static RequestSpecification editor(String user) {
        return Api.as(user).contentType("multipart/form-data");
    }

    static Map<String, Object> ready(String id) {
        return Eventually.until("renditions of " + id, () -> Api.as("editor.mofa").get(MEDIA + "/" + id).then().statusCode(200)
                .extract().jsonPath().getMap("$"), asset -> !"pending".equals(asset.get("renditions")));
    }

    static byte[] download(String url, RequestSpecification as) {
        return as.get(url).then().statusCode(200).extract().asByteArray();
    }

    @Test
    void anImageIsStoredOnceStrippedOfItsGpsAndGetsEveryRenditionInItsFormatAndWebp() throws Exception {
        byte[] photo = TestImages.jpegWithGps(1600, 1200);
        assertThat(TestImages.hasGps(photo)).isTrue();

        Response first = upload("editor.mofa", "../../etc/ha-long.jpg", photo, "image/jpeg");
        first.then().statusCode(201).header("Location", containsString(MEDIA + "/")).header("ETag", "\"v1\"")
                .body("kind", equalTo("image")).body("mediaType", equalTo("image/jpeg"))
                .body("width", equalTo(1600)).body("height", equalTo(1200))
                .body("filename", equalTo("ha-long.jpg")).body("organisation", equalTo("mofa"));
        String id = first.path("id");
        String sha256 = first.path("sha256");
        assertThat(sha256).isEqualTo(org.imagehub.platform.Hashes.sha256Hex(photo));
        assertThat((String) Database.value("select original_key from media_asset where id = ?", id))
                .isEqualTo("originals/" + sha256.substring(0, 2) + "/" + sha256 + ".jpg");

        upload("editor.hue", "copy.jpg", photo, "image/jpeg").then().statusCode(200).body("id", equalTo(id));
        assertThat(Database.value("select count(*) from media_asset where sha256 = ?", sha256)).isEqualTo(1L);

        Map<String, Object> asset = ready(id);
        assertThat(asset.get("renditions")).isEqualTo("ready");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> files = (List<Map<String, Object>>) asset.get("files");
        assertThat(files).hasSize(12);
        Map<String, int[]> expected = Map.of("thumbnail", new int[] {320, 320}, "medium", new int[] {800, 600},
                "large", new int[] {1600, 1200}, "social-landscape", new int[] {1200, 630}, "social-square", new int[] {1080, 1080},
                "social-story", new int[] {1080, 1920});
        List<String> seen = new ArrayList<>();
        for (Map<String, Object> file : files) {
            String name = (String) file.get("name");
            int[] size = expected.get(name);
            assertThat(size).as(name).isNotNull();
            byte[] bytes = download((String) file.get("url"), Api.as("editor.mofa"));
            assertThat(bytes.length).isEqualTo(((Number) file.get("bytes")).intValue());
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(bytes));
            if (file.get("mediaType").equals("image/jpeg")) {
                assertThat(bytes[0] & 0xff).isEqualTo(0xFF);
                assertThat(TestImages.hasExif(bytes)).as(name).isFalse();
                assertThat(new int[] {decoded.getWidth(), decoded.getHeight()}).as(name).containsExactly(size);
            } else {
                assertThat(file.get("mediaType")).isEqualTo("image/webp");
                assertThat(new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RIFF");
                assertThat(new String(bytes, 8, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("WEBP");
            }
            assertThat(file.get("width")).isEqualTo(size[0]);
            assertThat(file.get("height")).isEqualTo(size[1]);
            seen.add(name + "." + file.get("mediaType"));
        }
        assertThat(seen).doesNotHaveDuplicates();

        @SuppressWarnings("unchecked")
        Map<String, Object> original = (Map<String, Object>) asset.get("original");
        byte[] stored = download((String) original.get("url"), Api.as("editor.mofa"));
        assertThat(TestImages.hasGps(stored)).isFalse();
        assertThat(TestImages.hasExif(stored)).isFalse();
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(decoded.getWidth()).isEqualTo(1600);
    }

    @Test
    void aPngKeepsItsFormatAndLosesItsTextChunks() {
        byte[] png = TestImages.png(640, 480);
        String id = upload("editor.mofa", "chart.png", png, "image/png").then().statusCode(201)
                .body("mediaType", equalTo("image/png")).extract().path("id");
        Map<String, Object> asset = ready(id);
        assertThat(asset.get("renditions")).isEqualTo("ready");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> files = (List<Map<String, Object>>) asset.get("files");
        assertThat(files).extracting(file -> file.get("mediaType")).containsOnly("image/png", "image/webp");
        // Never enlarged: the large rendition of a 640 × 480 image is 640 × 480.
        assertThat(files).filteredOn(file -> file.get("name").equals("large")).extracting(file -> file.get("width")).containsOnly(640);
    }

    @Test
    void whatIsNotAnAcceptedImageIsRefusedWithTheRightStatusAndNothingIsStored() {
        long rows = Database.rows("media_asset");
        int objects = originals();

        upload("editor.mofa", "holiday.jpg", TestImages.pdf(), "image/jpeg").then().statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:image-hub:problem:unsupported-media-type"))
                .body("detail", containsString("application/pdf"))
                .body("errors[0].field", equalTo("file"));
        upload("editor.mofa", "logo.svg", TestImages.svgWithScript(), "image/svg+xml").then().statusCode(415)
                .body("detail", containsString("image/svg+xml"));
        upload("editor.mofa", "setup.jpg", "MZ\u0090\u0000\u0003\u0000\u0000\u0000\u0004\u0000\u0000\u0000PE\u0000\u0000This program cannot be run in DOS mode"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), "image/jpeg").then().statusCode(415)
                .body("detail", containsString("application/x-"));
        byte[] polyglot = concat(TestImages.jpeg(64, 64), "<script>alert(1)</script>".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        upload("editor.mofa", "poly.jpg", polyglot, "image/jpeg").then().statusCode(415)
                .body("detail", containsString("image/jpeg")).body("detail", containsString("polyglot"));
        upload("editor.mofa", "bomb.png", TestImages.pngHeaderClaiming(100_000, 100_000), "image/png").then().statusCode(413)
                .contentType("application/problem+json")
                .body("errors[0].code", equalTo("too-many-pixels"));
        upload("editor.mofa", "empty.jpg", new byte[0], "image/jpeg").then().statusCode(400)
                .body("errors[0].field", equalTo("file")).body("errors[0].code", equalTo("empty"));
        upload("editor.mofa", "huge.jpg", TestImages.jpegSized(8 * 1024 * 1024 + 1), "image/jpeg").then().statusCode(413)
                .body("errors[0].code", equalTo("too-large"));
        editor("editor.mofa").multiPart("other", "x.txt", new byte[] {1}, "text/plain").post(MEDIA).then().statusCode(400)
                .body("errors[0].field", equalTo("file"));

        assertThat(Database.rows("media_asset")).isEqualTo(rows);
        assertThat(originals()).isEqualTo(objects);
    }

    @Test
    void anOverLimitImageIsRefusedWhileItArrivesAndNothingOfItRemains() throws Exception {
        long rows = Database.rows("media_asset");
        int objects = originals();
        long limit = 8L * 1024 * 1024;
        java.util.concurrent.CountDownLatch answered = new java.util.concurrent.CountDownLatch(1);
        String boundary = "hub-test-boundary";
        byte[] start = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] jpeg = TestImages.jpegSized((int) limit + 256 * 1024);
        // Sends the form's head and the first limit + 256 KiB of the file, then holds the rest back until the answer is
        // in: a hub that waited for the whole body before refusing would never answer.
        java.io.InputStream body = new java.io.SequenceInputStream(new ByteArrayInputStream(concat(start, jpeg)), new java.io.InputStream() {
            @Override
            public int read() throws java.io.IOException {
                try {
                    answered.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return -1;
            }
        });
        java.util.List<java.nio.file.Path> before = leftovers();
        org.imagehub.testing.ChunkedPost.Answer answer;
        try {
            // The bound only keeps a regression from hanging the build; the answer comes as soon as the limit is passed.
            answer = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return org.imagehub.testing.ChunkedPost.send(MEDIA, "multipart/form-data; boundary=" + boundary, Api.token("editor.mofa"), body);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(2, java.util.concurrent.TimeUnit.MINUTES);
        } finally {
            answered.countDown();
        }

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.headers().get("content-type")).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"field\":\"file\"").contains("\"code\":\"too-large\"").contains(String.valueOf(limit));
        assertThat(Database.rows("media_asset")).isEqualTo(rows);
        assertThat(originals()).isEqualTo(objects);
        assertThat(leftovers()).as("no temporary file left").isSubsetOf(before);

        // A declared length over the largest limit (documents here: 16 MiB; under the platform's 256 MiB) is refused before a byte is read.
        byte[] declaredHead = ("POST " + MEDIA + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Api.token("editor.mofa")
                + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + (200L * 1024 * 1024)
                + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (java.net.Socket socket = new java.net.Socket(java.net.URI.create(RestAssured.baseURI).getHost(), RestAssured.port)) {
            socket.getOutputStream().write(declaredHead);
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            assertThat(statusLine).contains(" 413 ");
        }
    }

    static java.util.List<java.nio.file.Path> leftovers() throws java.io.IOException {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith(org.imagehub.media.asset.UploadReceiver.TEMP_PREFIX)).toList();
        }
    }

    @Test
    void aPdfIsADocumentStoredWithoutItsAuthorsAndScriptsServedAsAnAttachmentAndUsableByAStory() throws Exception {
        byte[] pdf = TestImages.pdfWithAuthorAndScript("Trần Thị Bí Mật");
        assertThat(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("app.alert");

        Response stored = upload("editor.mofa", "report.pdf", pdf, "application/octet-stream");
        stored.then().statusCode(201).body("kind", equalTo("document")).body("mediaType", equalTo("application/pdf"))
                .body("renditions", equalTo("ready")).body("files.size()", equalTo(0)).body("width", org.hamcrest.Matchers.nullValue());
        String id = stored.path("id");
        byte[] original = Api.as("editor.mofa").get((String) stored.path("original.url")).then().statusCode(200)
                .contentType("application/pdf")
                .header("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment; filename="))
                .header("X-Content-Type-Options", "nosniff")
                .extract().asByteArray();
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(original)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(document.getDocumentInformation().getAuthor()).isNull();
            assertThat(document.getDocumentInformation().getCOSObject().size()).isZero();
            assertThat(document.getDocumentCatalog().getMetadata()).isNull();
            assertThat(document.getDocumentCatalog().getCOSObject().getDictionaryObject(org.apache.pdfbox.cos.COSName.OPEN_ACTION)).isNull();
        }
        // Sent as an image, a PDF is a disguise: refused, naming what it is.
        upload("editor.mofa", "scan.png", TestImages.pdfWithAuthorAndScript("x"), "application/octet-stream").then().statusCode(415)
                .body("detail", containsString("application/pdf"));

        String storyId = Api.as("editor.mofa").body(org.imagehub.testing.Stories.article().inLanguages("fr").build())
                .post("/api/v1/manage/stories").then().statusCode(201).extract().path("id");
        String etag = Api.as("editor.mofa").get("/api/v1/manage/stories/" + storyId).then().extract().header("ETag");
        Api.as("editor.mofa").header("If-Match", etag).body(Map.of("items", List.of(Map.of("assetId", id, "role", "document"))))
                .put("/api/v1/manage/stories/" + storyId + "/media").then().statusCode(200);
        Api.as("editor.mofa").get(MEDIA + "?kind=document").then().statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(id));
    }

    @Test
    void onlyEditorsUploadAndContributorsOnlyRead() {
        upload("contributor.embassy-fr", "x.jpg", TestImages.jpeg(32, 32), "image/jpeg").then().statusCode(403);
        RestAssured.given().multiPart("file", "x.jpg", TestImages.jpeg(32, 32), "image/jpeg").post(MEDIA).then().statusCode(401);
        Api.as("contributor.embassy-fr").get(MEDIA + "?limit=1").then().statusCode(200);
    }

    @Test
    void filesOfAnAssetNoPublishedStoryUsesAreNotPublic() {
        String id = upload("editor.mofa", "draft.jpg", TestImages.jpeg(400, 300), "image/jpeg").then().statusCode(201).extract().path("id");
        String url = ready(id).get("original") instanceof Map<?, ?> original ? (String) original.get("url") : null;
        RestAssured.get(url).then().statusCode(404).contentType("application/problem+json");
        Api.as("editor.mofa").get(url).then().statusCode(200).header("Cache-Control", "private, no-store")
                .header("ETag", equalTo("\"" + Database.value("select original_sha256 from media_asset where id = ?", id) + "\""));
        Api.as("editor.mofa").get(url.replace("original-", "original-0")).then().statusCode(404);
    }

    int originals() {
        int[] count = {0};
        storage.list("originals/", object -> count[0]++);
        return count[0];
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void aPhoneFoundStoredSidewaysIsTurnedAsItsExifSaysBeforeTheExifGoes() throws Exception {
        byte[] photo = TestImages.jpegStoredSideways(401, 203);
        Response stored = upload("editor.mofa", "upright.jpg", photo, "image/jpeg");
        stored.then().statusCode(201).body("width", equalTo(203)).body("height", equalTo(401));
        byte[] original = download(stored.path("original.url"), Api.as("editor.mofa"));
        assertThat(TestImages.hasExif(original)).isFalse();
        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(original));
        assertThat(shown.getWidth()).isEqualTo(203);
        assertThat(shown.getHeight()).isEqualTo(401);
        java.awt.Color top = new java.awt.Color(shown.getRGB(101, 20));
        java.awt.Color bottom = new java.awt.Color(shown.getRGB(101, 380));
        assertThat(top.getRed()).as("top is red").isGreaterThan(200);
        assertThat(top.getBlue()).isLessThan(60);
        assertThat(bottom.getBlue()).as("bottom is blue").isGreaterThan(200);
        assertThat(bottom.getRed()).isLessThan(60);
    }
}
