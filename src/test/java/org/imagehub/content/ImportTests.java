package org.imagehub.content;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.imagehub.testing.Api;
import org.imagehub.testing.Corpus;
import org.junit.jupiter.api.Test;

/** NDJSON import with the real multilingual corpus: per-line results, idempotent by external id. */
@QuarkusTest
class ImportTests {
    private static final String IMPORTS = "/api/v1/manage/imports/stories";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, Object> story(String externalId, Map<String, Object>... localizations) {
        Map<String, Object> story = new LinkedHashMap<>();
        story.put("externalId", externalId);
        story.put("type", "article");
        story.put("countries", List.of("VN"));
        story.put("rights", Map.of("credit", "VNA", "source", "Corpus", "licence", "all-rights-reserved"));
        story.put("localizations", List.of(localizations));
        return story;
    }

    private static Response post(byte[] ndjson) {
        return Api.as("editor.mofa").contentType("application/x-ndjson").body(ndjson).post(IMPORTS);
    }

    /** The result lines: every line of the answer but the last, which holds the totals. */
    private static List<JsonPath> results(Response response) {
        List<JsonPath> lines = new ArrayList<>();
        for (String line : response.asString().split("\n")) {
            lines.add(JsonPath.from(line));
        }
        assertEquals(null, lines.get(lines.size() - 1).getString("line"), "the last line is the summary");
        return lines.subList(0, lines.size() - 1);
    }

    /** The totals of the answer's last line: created, updated, unchanged, failed. */
    private static Map<String, Integer> totals(Response response) {
        String[] lines = response.asString().split("\n");
        return JsonPath.from(lines[lines.length - 1]).getMap("totals");
    }

    @Test
    void importsTheCorpusLineByLineAndIsIdempotent() throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> resolution = story("corpus-resolution-47-" + run,
                Corpus.localization("vi", "vi-resolution-47-qa.txt", null),
                Corpus.localization("zh-Hans", "zh-resolution-47-vna.txt", "vi"),
                Corpus.localization("fr", "fr-resolution-47-cpv.txt", "vi"));
        Map<String, Object> conference = story("corpus-conference-" + run, Corpus.localization("zh-Hans", "zh-31st-diplomatic-conference-vna.txt", null));
        Map<String, Object> committee = story("corpus-committee-" + run, Corpus.localization("uk", "uk-steering-committee-2025.txt", null));
        Map<String, Object> invalid = story("corpus-invalid-" + run, Map.of("lang", "vi", "title", "x".repeat(300)));

        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write((JSON.writeValueAsString(resolution) + "\n").getBytes(StandardCharsets.UTF_8));
        body.write("{not json\n".getBytes(StandardCharsets.UTF_8));
        body.write((JSON.writeValueAsString(conference) + "\n").getBytes(StandardCharsets.UTF_8));
        body.write(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
        body.write((JSON.writeValueAsString(invalid) + "\n\n").getBytes(StandardCharsets.UTF_8));
        body.write((JSON.writeValueAsString(committee) + "\n").getBytes(StandardCharsets.UTF_8));

        Response first = post(body.toByteArray());
        first.then().statusCode(200).contentType("application/x-ndjson");
        assertEquals(Map.of("created", 3, "updated", 0, "unchanged", 0, "failed", 3), totals(first));
        List<JsonPath> results = results(first);
        assertEquals(List.of(1, 2, 3, 4, 5, 7), results.stream().map(r -> r.getInt("line")).toList());
        assertEquals(List.of("created", "failed", "created", "failed", "failed", "created"),
                results.stream().map(r -> r.getString("status")).toList());
        assertEquals("localizations[0].title", results.get(4).getString("errors[0].field"));
        assertEquals("not valid UTF-8", results.get(3).getString("detail"));

        String resolutionId = results.get(0).getString("id");
        Api.as("editor.mofa").get(StoryLifecycleTests.STORIES + "/" + resolutionId).then().statusCode(200)
                .body("localizations.find { it.lang == 'vi' }.bodyText", containsString("Nghị quyết số 47/NQ-CP"))
                .body("localizations.find { it.lang == 'zh-Hans' }.bodyText", containsString("对外信息工作"))
                .body("localizations.find { it.lang == 'fr' }.translation.from", equalTo("vi"));
        Api.as("editor.mofa").get(StoryLifecycleTests.STORIES + "/" + results.get(5).getString("id")).then()
                .body("localizations[0].bodyText", containsString("Керівний комітет"));

        // The same lines again: nothing new, no new revision.
        Response again = post(body.toByteArray());
        again.then().statusCode(200);
        assertEquals(Map.of("created", 0, "updated", 0, "unchanged", 3, "failed", 3), totals(again));
        assertEquals(resolutionId, results(again).get(0).getString("id"));

        // A changed line updates that story only, as a new revision.
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> localizations = new ArrayList<>((List<Map<String, Object>>) committee.get("localizations"));
        Map<String, Object> revised = new LinkedHashMap<>(localizations.get(0));
        revised.put("summary", "Оновлений підсумок.");
        committee.put("localizations", List.of(revised));
        Response update = post((JSON.writeValueAsString(committee) + "\n" + JSON.writeValueAsString(conference)).getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("updated", "unchanged"), results(update).stream().map(r -> r.getString("status")).toList());
        String committeePath = StoryLifecycleTests.STORIES + "/" + results.get(5).getString("id") + "/localizations/uk";
        Api.as("editor.mofa").get(committeePath).then()
                .body("revision", equalTo(2)).body("summary", equalTo("Оновлений підсумок."));

        // Each created localization's first revision is its working copy as stored, translation source included.
        String frenchPath = StoryLifecycleTests.STORIES + "/" + resolutionId + "/localizations/fr";
        JsonPath french = Api.as("editor.mofa").get(frenchPath).then().statusCode(200).extract().jsonPath();
        JsonPath frenchFirst = Api.as("editor.mofa").get(frenchPath + "/revisions/1").then().statusCode(200).extract().jsonPath();
        for (String field : List.of("slug", "title", "summary", "body", "seoTitle", "seoDescription")) {
            assertEquals(french.getString(field), frenchFirst.getString(field), field);
        }
        assertEquals(JSON.readTree(french.prettify()).get("fields"), JSON.readTree(frenchFirst.getString("fields")));
        assertEquals("vi", frenchFirst.getString("translatedFromLang"));
        assertEquals(1, frenchFirst.getInt("translatedFromRevision"));
        assertEquals("editor.mofa", frenchFirst.getString("createdBy"));
        Api.as("editor.mofa").get(frenchPath + "/revisions").then().body("items.number", equalTo(List.of(1)));
        // Restoring it brings back the whole first save, plain text included.
        JsonPath committeeFirst = Api.as("editor.mofa").get(committeePath + "/revisions/1").then().statusCode(200).extract().jsonPath();
        String etag = Api.as("editor.mofa").get(committeePath).then().extract().header("ETag");
        JsonPath restored = Api.as("editor.mofa").header("If-Match", etag).post(committeePath + "/revisions/1/restore").then().statusCode(200)
                .body("revision", equalTo(3)).body("bodyText", containsString("Керівний комітет")).extract().jsonPath();
        assertEquals(committeeFirst.getString("summary"), restored.getString("summary"));
        assertEquals(committeeFirst.getString("body"), restored.getString("body"));
    }

    @Test
    void importLinesNeedAnExternalId() throws IOException {
        Map<String, Object> noId = story(null, Map.of("lang", "vi", "title", "Không có mã"));
        noId.remove("externalId");
        Response response = post((JSON.writeValueAsString(noId) + "\n").getBytes(StandardCharsets.UTF_8));
        response.then().statusCode(200);
        assertEquals(1, totals(response).get("failed"));
        assertEquals("externalId", results(response).get(0).getString("errors[0].field"));
    }

    /**
     * Chunks of 100 lines are written two at a time; a story repeated in the next chunk, or a title repeated there,
     * must not race: the later line of a story wins, equal titles get distinct slugs, no line fails, and the results
     * come in line order.
     */
    @Test
    void storiesAndTitlesRepeatedAcrossChunksWrittenTogetherKeepTheLaterLineAndDistinctSlugs() throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder ndjson = new StringBuilder();
        int lines = 350;
        for (int line = 1; line <= lines; line++) {
            String externalId = "chunks-" + run + "-" + line;
            String title = "Câu chuyện " + run + " số " + line;
            if (line == 150 || line == 310) {
                externalId = "chunks-" + run + "-50";
                title = "Phiên bản dòng " + line + " " + run;
            }
            if (line == 160) {
                title = "Câu chuyện " + run + " số 60";
            }
            if (line == 80) {
                // A repeat inside the first chunk: the story line 20 created is found written when line 80 updates it.
                externalId = "chunks-" + run + "-20";
                title = "Trong cùng phần " + run;
            }
            ndjson.append(JSON.writeValueAsString(story(externalId, Map.of("lang", "vi", "title", title,
                    "body", "<p>Dòng " + line + " của lần nhập.</p>")))).append('\n');
        }
        Response response = post(ndjson.toString().getBytes(StandardCharsets.UTF_8));
        response.then().statusCode(200);
        List<JsonPath> results = results(response);
        assertEquals(java.util.stream.IntStream.rangeClosed(1, lines).boxed().toList(), results.stream().map(r -> r.getInt("line")).toList());
        assertEquals(Map.of("created", lines - 3, "updated", 3, "unchanged", 0, "failed", 0), totals(response));
        assertEquals(List.of("created", "updated"), java.util.stream.Stream.of(20, 80).map(line -> results.get(line - 1).getString("status")).toList());
        assertEquals(results.get(19).getString("id"), results.get(79).getString("id"));
        Api.as("editor.mofa").get(StoryLifecycleTests.STORIES + "/" + results.get(19).getString("id") + "/localizations/vi").then()
                .body("title", equalTo("Trong cùng phần " + run)).body("revision", equalTo(2));
        assertEquals(List.of("created", "updated", "updated"),
                java.util.stream.Stream.of(50, 150, 310).map(line -> results.get(line - 1).getString("status")).toList());
        String repeated = results.get(49).getString("id");
        assertEquals(repeated, results.get(149).getString("id"));
        Api.as("editor.mofa").get(StoryLifecycleTests.STORIES + "/" + repeated + "/localizations/vi").then()
                .body("title", equalTo("Phiên bản dòng 310 " + run)).body("revision", equalTo(3));
        String first = Api.as("editor.mofa").get(StoryLifecycleTests.STORIES + "/" + results.get(59).getString("id") + "/localizations/vi")
                .then().extract().path("slug");
        String second = Api.as("editor.mofa").get(StoryLifecycleTests.STORIES + "/" + results.get(159).getString("id") + "/localizations/vi")
                .then().extract().path("slug");
        assertEquals(true, second.startsWith(first) && !second.equals(first), first + " then " + second);
    }

    @Test
    void storiesWrittenByTheImportsWriterThreadsAreAuditedWithTheImportsRequestId() throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder ndjson = new StringBuilder();
        for (int line = 1; line <= 150; line++) {
            ndjson.append(JSON.writeValueAsString(story("audit-" + run + "-" + line, Map.of("lang", "fr", "title", "Audit " + run + " n° " + line))))
                    .append('\n');
        }
        Response response = Api.as("editor.mofa").header("X-Request-Id", "import-audit-" + run).contentType("application/x-ndjson")
                .body(ndjson.toString().getBytes(StandardCharsets.UTF_8)).post(IMPORTS);
        response.then().statusCode(200);
        for (int line : List.of(1, 150)) {
            String id = results(response).get(line - 1).getString("id");
            Api.asAdmin().get("/api/v1/manage/audit?targetId=" + id).then().statusCode(200)
                    .body("items[0].action", equalTo("story.created")).body("items[0].requestId", equalTo("import-audit-" + run));
        }
    }
}
