package org.imagehub.delivery.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompactAnswerTest {
    private static final String PROSE = "Việt Nam – đất nước, con người. 国家形象宣传工作。 Україна і світ. La France et le monde. ";

    @Test
    void aLongBodyIsKeptCompressedAndComesBackByteForByte() {
        CachedAnswer original = CachedAnswer.of(PROSE.repeat(100), "application/json", Map.of("Content-Language", "vi")).about("story-1", java.util.List.of("story-2"));
        CompactAnswer compact = CompactAnswer.of(original);

        CachedAnswer served = compact.answer();
        assertThat(served.body()).isEqualTo(original.body());
        assertThat(new String(served.body(), StandardCharsets.UTF_8)).isEqualTo(PROSE.repeat(100));
        assertThat(served.etag()).isEqualTo(original.etag());
        assertThat(served.headers()).isEqualTo(original.headers());
        assertThat(served.storyId()).isEqualTo("story-1");
        assertThat(served.dependsOn()).containsExactlyInAnyOrder("story-1", "story-2");
        assertThat(compact.weight()).isLessThan(original.weight() / 3);
    }

    @Test
    void eachCorpusPageComesBackByteForByteFromUnderTwoThirdsOfItsSize() throws Exception {
        try (java.util.stream.Stream<java.nio.file.Path> pages = java.nio.file.Files.list(java.nio.file.Path.of("../shared/corpus"))) {
            for (java.nio.file.Path page : pages.filter(path -> path.toString().endsWith(".txt")).toList()) {
                byte[] text = java.nio.file.Files.readAllBytes(page);
                CachedAnswer original = CachedAnswer.of(text, "application/json", Map.of());
                CompactAnswer compact = CompactAnswer.of(original);

                assertThat(compact.answer().body()).as(page.toString()).isEqualTo(text);
                assertThat(compact.weight()).as(page.toString()).isLessThan(original.weight() * 2 / 3);
            }
        }
    }

    @Test
    void answersEncodedAndDecodedInTurnFromManyThreadsEachComeBackWhole() throws Exception {
        // One encoder and one decoder serve every request thread: no use may leave state behind for the next.
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> rounds = new java.util.ArrayList<>();
            for (int task = 0; task < 16; task++) {
                String text = (task + " — " + PROSE).repeat(40 + task * 7);
                rounds.add(threads.submit(() -> {
                    CompactAnswer compact = CompactAnswer.of(CachedAnswer.of(text, "application/json", Map.of()));
                    boolean whole = true;
                    for (int read = 0; read < 200; read++) {
                        whole &= new String(compact.answer().body(), StandardCharsets.UTF_8).equals(text);
                    }
                    return whole;
                }));
            }
            for (java.util.concurrent.Future<Boolean> round : rounds) {
                assertThat(round.get(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void answersEncodedAndDecodedInTurnOnOneThreadEachComeBackWhole() {
        CompactAnswer first = CompactAnswer.of(CachedAnswer.of(PROSE.repeat(80), "application/json", Map.of()));
        CompactAnswer second = CompactAnswer.of(CachedAnswer.of(("Другий текст. " + PROSE).repeat(120), "application/json", Map.of()));
        for (int round = 0; round < 3; round++) {
            assertThat(new String(first.answer().body(), StandardCharsets.UTF_8)).isEqualTo(PROSE.repeat(80));
            assertThat(new String(second.answer().body(), StandardCharsets.UTF_8)).isEqualTo(("Другий текст. " + PROSE).repeat(120));
        }
        CompactAnswer third = CompactAnswer.of(CachedAnswer.of(PROSE.repeat(80), "application/json", Map.of()));
        assertThat(third.weight()).isEqualTo(first.weight());
    }

    @Test
    void aShortBodyIsKeptAsItIs() {
        CachedAnswer original = CachedAnswer.of("{\"items\":[],\"next\":null}", "application/json", Map.of());
        CompactAnswer compact = CompactAnswer.of(original);

        assertThat(compact.answer()).isSameAs(original);
        assertThat(compact.weight()).isEqualTo(original.weight());
    }
}
