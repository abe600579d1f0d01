package org.imagehub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import org.imagehub.testing.Consumers;
import org.imagehub.testing.Publishing;
import org.imagehub.testing.Stories;
import org.junit.jupiter.api.Test;

/**
 * Delivery answers to clients that accept gzip: compressed bytes of exactly the same content, a representation of
 * their own (ETag, Vary), revalidated with 304 like the plain one. Read with a client that does not decompress.
 */
@QuarkusTest
class DeliveryContentCodingTests {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** Asks to upgrade to HTTP/2 (h2c) on its first request, as this client does by default. */
    private static final HttpClient HTTP_2 = HttpClient.newHttpClient();

    @Test
    void aStoryListFeedAndSyncPageComeGzipCompressedToClientsThatAcceptItWithAnETagOfTheirOwn() throws Exception {
        String key = Consumers.reading().key();
        String id = Publishing.published(Stories.article().inLanguages("vi", "fr"));
        for (String path : new String[] {"/api/v1/stories/" + id + "?lang=fr", "/api/v1/stories?lang=fr&limit=5", "/api/v1/feeds/fr.atom",
                "/api/v1/sync?limit=3", "/api/v1/stories/" + id + "/ninjs?lang=vi"}) {
            HttpResponse<byte[]> plain = get(path, key, null, null);
            HttpResponse<byte[]> gzipped = get(path, key, "gzip, deflate, br", null);

            assertThat(plain.statusCode()).as(path).isEqualTo(200);
            assertThat(plain.headers().firstValue("Content-Encoding")).as(path).isEmpty();
            assertThat(gzipped.statusCode()).as(path).isEqualTo(200);
            assertThat(gzipped.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
            assertThat(gunzip(gzipped.body())).as(path).isEqualTo(plain.body());
            assertThat(gzipped.headers().firstValueAsLong("Content-Length")).as(path).hasValue(gzipped.body().length);
            String plainTag = plain.headers().firstValue("ETag").orElseThrow();
            assertThat(gzipped.headers().firstValue("ETag")).as(path).hasValue(plainTag.substring(0, plainTag.length() - 1) + "-gzip\"");
            for (HttpResponse<byte[]> answer : java.util.List.of(plain, gzipped)) {
                assertThat(answer.headers().firstValue("Vary").orElseThrow()).as(path).contains("Accept-Encoding");
                assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).as(path).isEqualTo(plain.headers().firstValue("Content-Type").orElseThrow());
            }
        }
    }

    @Test
    void eachCodingRevalidatesWithItsOwnETagAndARefusedGzipGetsThePlainBody() throws Exception {
        String key = Consumers.reading().key();
        String id = Publishing.published(Stories.article().inLanguages("uk"));
        String path = "/api/v1/stories/" + id;
        HttpResponse<byte[]> plain = get(path, key, null, null);
        HttpResponse<byte[]> gzipped = get(path, key, "gzip", null);
        String plainTag = plain.headers().firstValue("ETag").orElseThrow();
        String gzipTag = gzipped.headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> notModified = get(path, key, "gzip", gzipTag);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.headers().firstValue("ETag")).hasValue(gzipTag);
        assertThat(notModified.body()).isEmpty();
        assertThat(get(path, key, null, plainTag).statusCode()).isEqualTo(304);
        // The plain copy's tag does not name the gzip representation: the full gzip answer comes back.
        assertThat(get(path, key, "gzip", plainTag).statusCode()).isEqualTo(200);
        assertThat(get(path, key, null, gzipTag).statusCode()).isEqualTo(200);

        HttpResponse<byte[]> refused = get(path, key, "gzip;q=0, identity", null);
        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(refused.body()).isEqualTo(plain.body());
        assertThat(refused.headers().firstValue("ETag")).hasValue(plainTag);
    }

    @Test
    void overHttp2TheServersOwnCompressionAnswersAndTheBodyIsCompressedOnce() throws Exception {
        String key = Consumers.reading().key();
        String id = Publishing.published(Stories.article().inLanguages("fr"));
        String path = "/api/v1/stories/" + id;
        HttpResponse<byte[]> plain = get(path, key, null, null);
        for (int request = 0; request < 2; request++) { // the first one upgrades the connection
            HttpResponse<byte[]> answer = HTTP_2.send(HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                    .header("X-Api-Key", key).header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(answer.statusCode()).isEqualTo(200);
            byte[] body = answer.headers().firstValue("Content-Encoding").filter("gzip"::equals).isPresent() ? gunzip(answer.body()) : answer.body();
            assertThat(body).as("request %d over %s", request, answer.version()).isEqualTo(plain.body());
        }
    }

    private static HttpResponse<byte[]> get(String path, String key, String acceptEncoding, String ifNoneMatch) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path)).header("X-Api-Key", key);
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
