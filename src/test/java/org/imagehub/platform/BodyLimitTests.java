package org.imagehub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.imagehub.testing.Api;
import org.imagehub.testing.ChunkedPost;
import org.imagehub.testing.Database;
import org.junit.jupiter.api.Test;

/** The 1 MiB JSON limit holds for bodies that do not declare their length. */
@QuarkusTest
class BodyLimitTests {
    @Test
    void aChunkedJsonBodyOverTheLimitIsRefusedWith413AndNothingIsStored() throws Exception {
        String title = "Chunked " + UUID.randomUUID();
        InputStream body = new SequenceInputStream(Collections.enumeration(List.of(
                text("{\"type\":\"article\",\"countries\":[\"VN\"],\"localizations\":[{\"lang\":\"vi\",\"title\":\"" + title + "\",\"body\":\"<p>"),
                repeated((byte) 'x', 5 * 1024 * 1024),
                text("</p>\"}]}"))));

        ChunkedPost.Answer answer = ChunkedPost.send("/api/v1/manage/stories", "application/json", Api.token("editor.mofa"), body);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.headers().get("content-type")).startsWith("application/problem+json");
        JsonPath problem = JsonPath.from(answer.body());
        assertThat(problem.getString("type")).isEqualTo("urn:image-hub:problem:payload-too-large");
        assertThat(problem.getList("errors.field")).containsExactly("body");
        assertThat(Database.column("select id from localization where title = ?", title)).isEmpty();
    }

    private static InputStream text(String value) {
        return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code count} copies of one byte, made as they are read. */
    static InputStream repeated(byte value, long count) {
        return new InputStream() {
            private long left = count;

            @Override
            public int read() {
                return left-- > 0 ? value : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                java.util.Arrays.fill(buffer, offset, offset + n, value);
                left -= n;
                return n;
            }
        };
    }
}
