package org.imagehub.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.imagehub.testing.Api;
import org.imagehub.testing.ChunkedPost;
import org.junit.jupiter.api.Test;

/** The NDJSON import reads its body and writes its answer as streams: memory stays bounded whatever the size. */
@QuarkusTest
class ImportStreamingTests {
    private static final String IMPORTS = "/api/v1/manage/imports/stories";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Live heap the hub may add while importing 60 MB; holding the body or the answer would take far more. */
    private static final long HEAP_BOUND = 48L * 1024 * 1024;

    @Test
    void nullAndOtherNonObjectLinesFailAloneWhileTheOtherLinesAreImported() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String good = JSON.writeValueAsString(Map.of("externalId", "non-object-" + run, "type", "article", "countries", List.of("VN"),
                "localizations", List.of(Map.of("lang", "vi", "title", "Dòng hợp lệ " + run))));
        String body = good + "\nnull\n[]\n1\n\"x\"\n" + good.replace("non-object-", "non-object-2-").replace("Dòng", "Dòng khác") + "\n";

        Response response = Api.as("editor.mofa").contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8)).post(IMPORTS);

        response.then().statusCode(200);
        String[] lines = response.asString().split("\n");
        assertThat(lines).hasSize(7);
        List<JsonPath> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            results.add(JsonPath.from(lines[i]));
        }
        assertThat(results.stream().map(r -> r.getString("status")).toList())
                .containsExactly("created", "failed", "failed", "failed", "failed", "created");
        for (JsonPath failed : results.subList(1, 5)) {
            assertThat(failed.getString("errors[0].field")).isEqualTo("line");
            assertThat(failed.getString("errors[0].code")).isEqualTo("not-an-object");
        }
        assertThat(JsonPath.from(lines[6]).getMap("totals")).isEqualTo(Map.of("created", 2, "updated", 0, "unchanged", 0, "failed", 4));
    }

    @Test
    void aSixtyMegabyteImportOfBadLinesIsAnsweredLineByLineWithBoundedHeap() throws Exception {
        long bytes = 60L * 1024 * 1024;
        HeapWatch heap = new HeapWatch();
        AtomicInteger results = new AtomicInteger();
        AtomicReference<String> first = new AtomicReference<>();
        AtomicReference<String> last = new AtomicReference<>();
        CompletableFuture<ChunkedPost.Answer> post = CompletableFuture.supplyAsync(() -> {
            try {
                return ChunkedPost.send(IMPORTS, "application/x-ndjson", Api.token("editor.mofa"), emptyObjects(bytes), line -> {
                    if (last.get() != null) {
                        results.incrementAndGet();
                    }
                    first.compareAndSet(null, line);
                    last.set(line);
                });
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        heap.watch(post);

        System.out.printf("60 MB import: peak live heap growth %.1f MiB over %d samples%n", heap.peak() / 1048576.0, heap.samples());
        assertThat(heap.peak()).as("live heap growth during the import").isLessThan(HEAP_BOUND);
        ChunkedPost.Answer answer = post.join();
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers().get("content-type")).startsWith("application/x-ndjson");
        // Every line is {} (no type, no language): each is its own validation failure, until the import gives up.
        JsonPath firstResult = JsonPath.from(first.get());
        assertThat(firstResult.getInt("line")).isEqualTo(1);
        assertThat(firstResult.getString("status")).isEqualTo("failed");
        assertThat(firstResult.getList("errors")).isNotEmpty();
        JsonPath summary = JsonPath.from(last.get());
        assertThat(summary.getInt("totals.failed")).isEqualTo(10_000).isEqualTo(results.get());
        assertThat(summary.getInt("totals.created")).isZero();
        assertThat(summary.getInt("stopped.afterLine")).isEqualTo(10_000);
        assertThat(summary.getString("stopped.detail")).contains("10000 lines failed");
    }

    /** {@code {}} lines up to {@code bytes}, made as they are read (the test shares the hub's heap). */
    private static InputStream emptyObjects(long bytes) {
        byte[] line = "{}\n".getBytes(StandardCharsets.US_ASCII);
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                return position < bytes ? line[(int) (position++ % line.length)] : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (position >= bytes) {
                    return -1;
                }
                int n = (int) Math.min(length, bytes - position);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = line[(int) (position++ % line.length)];
                }
                return n;
            }
        };
    }

    /**
     * Samples the live heap (after a full collection) while a request runs, against the live heap before it: the
     * hub runs in this JVM. Stops early when the bound is passed, so a leaking import fails instead of running on.
     */
    private static final class HeapWatch {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final AtomicLong peak = new AtomicLong();
        private final AtomicInteger samples = new AtomicInteger();

        void watch(CompletableFuture<?> request) throws InterruptedException {
            long baseline = live();
            while (!request.isDone()) {
                long growth = live() - baseline;
                samples.incrementAndGet();
                peak.accumulateAndGet(growth, Math::max);
                if (growth > HEAP_BOUND) {
                    return;
                }
                Thread.sleep(100);
            }
        }

        private long live() {
            System.gc();
            return memory.getHeapMemoryUsage().getUsed();
        }

        long peak() {
            return peak.get();
        }

        int samples() {
            return samples.get();
        }
    }
}
