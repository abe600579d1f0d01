package org.imagehub.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imagehub.testing.Api;
import org.imagehub.testing.Consumers;
import org.imagehub.testing.Corpus;
import org.imagehub.testing.Eventually;
import org.imagehub.testing.Publishing;
import org.imagehub.testing.Stories;
import org.junit.jupiter.api.Test;

/**
 * Relevance measured on a judged query set (src/test/resources/search/judged-queries.json) over the demo stories
 * and the shared corpus, published under a topic of their own: precision@5 and MRR, printed per language and in
 * all. The floors are the figures observed when the set was written, less a margin: a drop fails, a gain does not.
 */
@QuarkusTest
class RelevanceTests {
    private static final double PRECISION_FLOOR = 0.30;
    private static final double MRR_FLOOR = 0.90;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theJudgedQueriesFindTheirRelevantStories() throws IOException {
        String topic = "relevance-" + Long.toString(System.nanoTime(), 36);
        Api.asAdmin().body(Map.of("labels", Map.of("en", topic))).put("/api/v1/manage/topics/" + topic).then().statusCode(201);
        Map<String, String> names = new HashMap<>();
        int localizations = 0;
        for (String line : Files.readAllLines(Path.of("src/demo/resources/demo/stories.ndjson"))) {
            if (line.isBlank()) {
                continue;
            }
            ObjectNode story = (ObjectNode) json.readTree(line);
            String name = story.path("externalId").asText();
            story.put("externalId", name + "-" + topic);
            story.putArray("topics").add(topic);
            story.remove("keyMessages");
            story.put("organisation", "mofa"); // the test database has only some of the demo organisations
            localizations += story.path("localizations").size();
            String id = Api.asAdmin().body(json.convertValue(story, Map.class)).post("/api/v1/manage/stories").then().statusCode(201)
                    .extract().path("id");
            Publishing.publishAll(id);
            names.put(id, name);
        }
        try (var files = Files.list(Corpus.dir())) {
            for (Path file : files.filter(path -> path.toString().endsWith(".txt")).sorted().toList()) {
                String name = file.getFileName().toString().replace(".txt", "");
                String lang = name.startsWith("zh-") ? "zh-Hans" : name.substring(0, 2);
                names.put(Publishing.published(Stories.article().with("topics", List.of(topic)).withLocalization(Corpus.localization(lang, file.getFileName().toString(), null))),
                        "corpus:" + name);
                localizations++;
            }
        }
        String key = Consumers.reading().key();
        int expected = localizations;
        Eventually.until("every localization indexed", () -> Consumers.withKey(key).get("/api/v1/search?topic=" + topic + "&limit=1").then().statusCode(200)
                .extract().<Number>path("total").intValue(), total -> total == expected);

        Map<String, List<double[]>> byLanguage = new LinkedHashMap<>();
        List<String> misses = new ArrayList<>();
        for (JsonNode query : json.readTree(getClass().getResourceAsStream("/search/judged-queries.json")).path("queries")) {
            String lang = query.path("lang").asText();
            List<String> relevant = new ArrayList<>();
            query.path("relevant").forEach(one -> relevant.add(one.asText()));
            List<String> found = Consumers.withKey(key).queryParam("q", query.path("q").asText()).queryParam("lang", lang).queryParam("topic", topic)
                    .queryParam("limit", 5).get("/api/v1/search").then().statusCode(200).extract().<List<String>>path("items.id")
                    .stream().map(names::get).toList();
            long hits = found.stream().filter(relevant::contains).count();
            int first = 0;
            for (int i = 0; i < found.size() && first == 0; i++) {
                if (relevant.contains(found.get(i))) {
                    first = i + 1;
                }
            }
            byLanguage.computeIfAbsent(lang, any -> new ArrayList<>()).add(new double[] {hits / 5.0, first == 0 ? 0 : 1.0 / first,
                    Math.min(5, relevant.size()) / 5.0});
            if (hits < Math.min(5, relevant.size())) {
                misses.add(lang + " \"" + query.path("q").asText() + "\": expected " + relevant + ", got " + found);
            }
        }
        List<double[]> all = byLanguage.values().stream().flatMap(List::stream).toList();
        StringBuilder report = new StringBuilder("Relevance over " + all.size() + " judged queries (precision@5 / best possible / MRR):\n");
        byLanguage.forEach((lang, scores) -> report.append(line(lang, scores)));
        report.append(line("all", all));
        misses.forEach(miss -> report.append("  missed: ").append(miss).append('\n'));
        System.out.println(report);

        assertThat(all).hasSizeGreaterThanOrEqualTo(40);
        assertThat(mean(all, 0)).as(report.toString()).isGreaterThanOrEqualTo(PRECISION_FLOOR);
        assertThat(mean(all, 1)).as(report.toString()).isGreaterThanOrEqualTo(MRR_FLOOR);
    }

    private static String line(String label, List<double[]> scores) {
        return String.format(Locale.ROOT, "  %-8s %2d queries  P@5 %.3f / %.3f  MRR %.3f%n", label, scores.size(), mean(scores, 0), mean(scores, 2),
                mean(scores, 1));
    }

    private static double mean(List<double[]> scores, int index) {
        return scores.stream().mapToDouble(score -> score[index]).average().orElse(0);
    }
}
