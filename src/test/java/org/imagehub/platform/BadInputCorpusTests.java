package org.imagehub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.imagehub.testing.Api;
import org.imagehub.testing.ChunkedPost;
import org.imagehub.testing.Consumers;
import org.imagehub.testing.Database;
import org.imagehub.testing.RawRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation of the committed OpenAPI document (so a new operation is covered as soon as it is documented) gets
 * hostile input: NUL in the path, the query and a JSON string, malformed percent-escapes, a repeated parameter,
 * over-long values, the wrong type, JSON nested too deep and content after the JSON value. Each answer must be a 4xx
 * problem+json, and no row may be written: the tables an API write fills are counted before and after, exactly.
 * Requests go out over a plain socket, byte for byte, so {@code %00} and {@code %%%} arrive as sent.
 */
@QuarkusTest
class BadInputCorpusTests {
    private static final Path CONTRACT = Path.of("openapi/openapi.json");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    /** What API writes insert into; tables only background jobs fill (delivery, transitions, audit) are left out. */
    private static final List<String> WRITTEN_TABLES = List.of("story", "localization", "localization_revision", "story_attribute_revision",
            "consumer", "api_key", "topic", "organisation", "key_message", "key_message_translation", "idempotency_record");
    private static final String COUNT_ROWS = "select " + String.join(", ",
            WRITTEN_TABLES.stream().map(table -> "(select count(*) from " + table + ")").toList());

    private static String editorToken;
    private static String apiKey;

    /** One operation of the contract: where it is, which parameters it declares, which body it takes. */
    record Operation(String method, String template, Map<String, String> pathValues, List<String> queryParameters, List<String> multiValued,
            String bodyType, String stringField) {
        @Override
        public String toString() {
            return method.toUpperCase(Locale.ROOT) + " " + template;
        }
    }

    /** One hostile request; {@code expectedType} is the problem type it must get, or null when any 4xx problem will do. */
    record Case(Operation operation, String name, String target, Map<String, String> headers, String body, String expectedType) {
        @Override
        public String toString() {
            return operation + " · " + name;
        }
    }

    /** Credentials that pass authentication, so that what is refused is the input; made on first use (the hub is up by then). */
    private static synchronized void credentials() {
        if (editorToken == null) {
            editorToken = Api.token("admin");
            apiKey = Consumers.reading().with("scopes", java.util.List.of("content:read", "webhooks:manage", "social:schedule", "analytics:write")).key();
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (Operation operation : operations()) {
            cases.addAll(casesFor(operation));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsA4xxProblemAndWritesNothing(Case badInput) {
        credentials();
        List<Object> rowsBefore = counts();

        ChunkedPost.Answer answer = send(badInput);

        assertThat(answer.status()).as("status").isBetween(400, 499);
        assertThat(answer.headers().get("content-type")).as("content type").startsWith("application/problem+json");
        JsonPath problem = JsonPath.from(answer.body());
        assertThat(problem.getInt("status")).isEqualTo(answer.status());
        assertThat(problem.getString("type")).startsWith("urn:image-hub:problem:");
        if (badInput.expectedType() != null) {
            assertThat(problem.getString("type")).isEqualTo("urn:image-hub:problem:" + badInput.expectedType());
        }
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(counts()).as("rows of " + WRITTEN_TABLES).isEqualTo(rowsBefore);
    }

    private List<Object> counts() {
        try (var connection = Database.asApplication(); var statement = connection.createStatement();
                var rows = statement.executeQuery(COUNT_ROWS)) {
            rows.next();
            List<Object> counts = new ArrayList<>();
            for (int i = 1; i <= WRITTEN_TABLES.size(); i++) {
                counts.add(rows.getLong(i));
            }
            return counts;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private ChunkedPost.Answer send(Case badInput) {
        Operation operation = badInput.operation();
        RawRequest request = RawRequest.of(operation.method().toUpperCase(Locale.ROOT), badInput.target());
        if (operation.template().startsWith("/api/v1/manage/")) {
            request.bearer(editorToken);
        } else if (!operation.template().startsWith("/api/v1/demo/") && !operation.template().equals("/api/v1/ping")) {
            request.header("X-Api-Key", apiKey);
        }
        badInput.headers().forEach(request::header);
        if (badInput.body() != null) {
            request.body(operation.bodyType() == null ? "application/json" : operation.bodyType(), badInput.body().getBytes(StandardCharsets.UTF_8));
        }
        return request.send();
    }

    private static List<Case> casesFor(Operation operation) {
        List<Case> cases = new ArrayList<>();
        String valid = fill(operation.template(), operation.pathValues());
        String single = operation.queryParameters().stream().filter(name -> !operation.multiValued().contains(name)).findFirst().orElse("x");
        String bodyless = operation.bodyType() == null ? null : "{}";
        cases.add(new Case(operation, "NUL in the path", operation.template().contains("{") ? fill(operation.template(), "a%00b")
                : operation.template() + "%00", Map.of(), bodyless, "validation"));
        cases.add(new Case(operation, "NUL in the query", valid + "?" + single + "=a%00b", Map.of(), bodyless, "validation"));
        cases.add(new Case(operation, "malformed escape in the query", valid + "?" + single + "=%%%", Map.of(), bodyless, "malformed-request"));
        cases.add(new Case(operation, "malformed escape in the path", operation.template().contains("{") ? fill(operation.template(), "%zz")
                : operation.template() + "%zz", Map.of(), bodyless, "malformed-request"));
        cases.add(new Case(operation, "repeated parameter", valid + "?" + single + "=1&" + single + "=2", Map.of(), bodyless, "validation"));
        cases.add(new Case(operation, "over-long query value", valid + "?" + single + "=" + "v".repeat(9000), Map.of(), bodyless, "uri-too-long"));
        cases.add(new Case(operation, "NUL in a header", valid, Map.of("X-Trace", "a\u0000b"), bodyless, "validation"));
        cases.add(new Case(operation, "over-long header", valid, Map.of("X-Padding", "h".repeat(20_000)), bodyless, "headers-too-large"));
        if (operation.queryParameters().contains("limit")) {
            cases.add(new Case(operation, "wrong type in the query", valid + "?limit=many", Map.of(), bodyless, "validation"));
        }
        if ("application/json".equals(operation.bodyType())) {
            String field = operation.stringField() == null ? "name" : operation.stringField().replace("[]", "");
            cases.add(new Case(operation, "NUL in a JSON string", valid, Map.of(), "{\"" + field + "\":" + nulString(operation) + "}",
                    operation.stringField() == null ? null : "validation"));
            cases.add(new Case(operation, "JSON nested too deep", valid, Map.of(), "[".repeat(1000) + "]".repeat(1000), null));
            cases.add(new Case(operation, "content after the JSON value", valid, Map.of(), "{} xyz", "malformed-body"));
            cases.add(new Case(operation, "two JSON values", valid, Map.of(), "{}{}", "malformed-body"));
            cases.add(new Case(operation, "wrong type of body", valid, Map.of(), "42", null));
            cases.add(new Case(operation, "over-long body", valid, Map.of(), "{\"" + field + "\":\"" + "b".repeat(1_100_000) + "\"}",
                    "payload-too-large"));
        }
        return cases;
    }

    private static String nulString(Operation operation) {
        return operation.stringField() != null && operation.stringField().endsWith("[]") ? "[\"a\\u0000b\"]" : "\"a\\u0000b\"";
    }

    /** The template with every path parameter set to {@code value}. */
    private static String fill(String template, String value) {
        Matcher parameter = PATH_PARAMETER.matcher(template);
        return parameter.replaceAll(Matcher.quoteReplacement(value));
    }

    /** The template with each path parameter set to a value its schema allows, so the request reaches its resource. */
    private static String fill(String template, Map<String, String> values) {
        return PATH_PARAMETER.matcher(template).replaceAll(match -> Matcher.quoteReplacement(values.getOrDefault(match.group(1), "x1")));
    }

    /** The first of an enum or of a pattern that lists words ({@code rss|atom|json}); otherwise a plain identifier. */
    private static String sampleValue(JsonNode schema) {
        if (schema.path("enum").size() > 0) {
            return schema.path("enum").get(0).asText();
        }
        String pattern = schema.path("pattern").asText("");
        if (pattern.matches("\\^?[\\w-]+(\\|[\\w-]+)*\\$?")) {
            return pattern.replace("^", "").replace("$", "").split("\\|")[0];
        }
        return "x1";
    }

    static List<Operation> operations() {
        JsonNode contract;
        try {
            contract = new ObjectMapper().readTree(CONTRACT.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!List.of("get", "put", "post", "delete", "patch").contains(method.getKey())) {
                    continue;
                }
                List<String> query = new ArrayList<>();
                List<String> multiValued = new ArrayList<>();
                Map<String, String> pathValues = new java.util.HashMap<>();
                for (JsonNode parameter : method.getValue().path("parameters")) {
                    if (parameter.path("in").asText().equals("path")) {
                        pathValues.put(parameter.path("name").asText(), sampleValue(parameter.path("schema")));
                    }
                    if (parameter.path("in").asText().equals("query")) {
                        query.add(parameter.path("name").asText());
                        if (parameter.path("schema").path("type").asText().equals("array")) {
                            multiValued.add(parameter.path("name").asText());
                        }
                    }
                }
                JsonNode content = method.getValue().path("requestBody").path("content");
                String bodyType = content.fieldNames().hasNext() ? content.fieldNames().next() : null;
                String stringField = bodyType == null ? null : stringField(contract, content.path(bodyType).path("schema"));
                operations.add(new Operation(method.getKey(), path.getKey(), pathValues, query, multiValued, bodyType, stringField));
            }
        }
        assertThat(operations).hasSizeGreaterThan(30);
        return operations;
    }

    /** A string (or array of strings, marked {@code []}) property of the body's schema, where a NUL can be put. */
    private static String stringField(JsonNode contract, JsonNode schema) {
        JsonNode resolved = schema.has("$ref") ? contract.at(schema.path("$ref").asText().substring(1)) : schema;
        for (Iterator<Map.Entry<String, JsonNode>> properties = resolved.path("properties").fields(); properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            JsonNode type = property.getValue().path("type");
            // A string with a format or a referenced type (an Instant, say) is parsed as that type, not kept as text.
            boolean plainText = !property.getValue().has("enum") && !property.getValue().has("format") && !property.getValue().has("$ref");
            if (type.asText().equals("string") && plainText) {
                return property.getKey();
            }
            if (type.asText().equals("array") && property.getValue().path("items").path("type").asText().equals("string")) {
                return property.getKey() + "[]";
            }
        }
        return null;
    }

    // ---- The requests the outside check found answered 500 or without a problem body, one by one -----------------

    private static JsonPath problem(ChunkedPost.Answer answer, int status, String type) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.headers().get("content-type")).startsWith("application/problem+json");
        JsonPath problem = JsonPath.from(answer.body());
        assertThat(problem.getString("type")).isEqualTo("urn:image-hub:problem:" + type);
        return problem;
    }

    private RawRequest asEditor(String method, String target) {
        credentials();
        return RawRequest.of(method, target).bearer(editorToken);
    }

    private static long stories() {
        return ((Number) Database.value("select count(*) from story")).longValue();
    }

    @Test
    void nulInAPathSegmentOrAQueryParameterIsNamedBeforeAuthentication() {
        JsonPath path = problem(RawRequest.of("GET", "/api/v1/stories/abc%00def").send(), 400, "validation");
        assertThat(path.getList("errors.field")).containsExactly("path");
        assertThat(path.getList("errors.code")).containsExactly("control-character");
        JsonPath query = problem(asEditor("GET", "/api/v1/manage/audit?actor=a%00b").send(), 400, "validation");
        assertThat(query.getList("errors.field")).containsExactly("query.actor");
    }

    @Test
    void nulInAJsonStringIsNamedAndNothingIsStored() {
        List<Object> before = counts();
        JsonPath fields = problem(asEditor("POST", "/api/v1/manage/stories")
                .json("{\"type\":\"article\",\"fields\":{\"note\":[1,{\"text\":\"a\\u0000b\"}]}}").send(), 400, "validation");
        assertThat(fields.getList("errors.field")).containsExactly("fields.note[1].text");
        JsonPath consumer = problem(asEditor("POST", "/api/v1/manage/consumers")
                .json("{\"name\":\"Embassy\\u0000\",\"kind\":\"embassy-site\",\"scopes\":[\"content:read\"]}").send(), 400, "validation");
        assertThat(consumer.getList("errors.field")).containsExactly("name");
        JsonPath drafts = problem(asEditor("POST", "/api/v1/manage/workflow/publish-drafts")
                .json("{\"storyIds\":[\"01m8p76y76tt8bmq15xhc58wdg\\u0000\"]}").send(), 400, "validation");
        assertThat(drafts.getList("errors.field")).containsExactly("storyIds[0]");
        JsonPath key = problem(asEditor("PUT", "/api/v1/manage/topics/nul-key")
                .json("{\"labels\":{\"e\\u0000n\":\"Economy\"}}").send(), 400, "validation");
        assertThat(key.getList("errors.code")).containsExactly("control-character");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void jsonNestedDeeperThanTheLimitIsA400NamingTheBody() {
        long before = stories();
        for (int depth : new int[] {65, 505, 1000}) {
            JsonPath nested = problem(asEditor("POST", "/api/v1/manage/stories")
                    .json("{\"type\":\"article\",\"fields\":{\"x\":" + "[".repeat(depth) + "]".repeat(depth) + "}}").send(), 400, "malformed-body");
            assertThat(nested.getList("errors.field")).containsExactly("body");
            assertThat(nested.getList("errors.code")).containsExactly("limit-exceeded");
        }
        problem(asEditor("POST", "/api/v1/manage/stories").json("[".repeat(100_000)).send(), 400, "malformed-body");
        assertThat(stories()).isEqualTo(before);
    }

    @Test
    void anImportLineNestedTooDeepFailsAloneAndTheRestIsImported() {
        String run = java.util.UUID.randomUUID().toString();
        String good = "{\"externalId\":\"deep-%s-%d\",\"type\":\"article\",\"countries\":[\"VN\"],"
                + "\"rights\":{\"credit\":\"VNA\",\"source\":\"Corpus\",\"licence\":\"all-rights-reserved\"},\"localizations\":[{\"lang\":\"vi\",\"title\":\"Tin %d\"}]}";
        String body = String.format(good, run, 1, 1) + "\n"
                + "{\"externalId\":\"deep-" + run + "-2\",\"type\":\"article\",\"fields\":{\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}}\n"
                + String.format(good, run, 3, 3) + "\n";
        long before = stories();

        ChunkedPost.Answer answer = asEditor("POST", "/api/v1/manage/imports/stories")
                .body("application/x-ndjson", body.getBytes(StandardCharsets.UTF_8)).send();

        assertThat(answer.status()).isEqualTo(200);
        String[] lines = answer.body().split("\n");
        assertThat(lines).hasSize(4);
        assertThat(JsonPath.from(lines[0]).getString("status")).as(lines[0]).isEqualTo("created");
        assertThat(JsonPath.from(lines[1]).getString("status")).as(lines[1]).isEqualTo("failed");
        assertThat(JsonPath.from(lines[1]).getList("errors.code")).containsExactly("limit-exceeded");
        assertThat(JsonPath.from(lines[2]).getString("status")).isEqualTo("created");
        assertThat(JsonPath.from(lines[3]).getMap("totals")).containsEntry("created", 2).containsEntry("failed", 1);
        assertThat(stories()).isEqualTo(before + 2);
    }

    @Test
    void aThirtyMegabyteChunkedSignInIsA413() throws IOException {
        java.io.InputStream body = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(
                "{\"username\":\"".getBytes(StandardCharsets.UTF_8)), BodyLimitTests.repeated((byte) 'u', 30L * 1024 * 1024));

        ChunkedPost.Answer answer = ChunkedPost.send("/api/v1/demo/sign-in", "application/json", "none", body);

        assertThat(problem(answer, 413, "payload-too-large").getList("errors.field")).containsExactly("body");
    }

    @Test
    void contentAfterTheJsonValueIsA400AndNoStoryIsStored() {
        long before = stories();
        problem(asEditor("POST", "/api/v1/manage/stories").json("{\"type\":\"article\"} xyz").send(), 400, "malformed-body");
        problem(asEditor("POST", "/api/v1/manage/stories").json("{\"type\":\"article\"}{\"type\":\"article\"}").send(), 400, "malformed-body");
        assertThat(stories()).isEqualTo(before);
    }

    @Test
    void aSingleValuedParameterGivenTwiceIsNamed() {
        JsonPath limit = problem(asEditor("GET", "/api/v1/manage/stories?limit=1&limit=2").send(), 400, "validation");
        assertThat(limit.getList("errors.field")).containsExactly("query.limit");
        credentials();
        JsonPath token = problem(RawRequest.of("GET", "/api/v1/sync?token=abc&token=x").header("X-Api-Key", apiKey).send(), 400, "validation");
        assertThat(token.getList("errors.field")).containsExactly("query.token");
        // A parameter the operation takes as a list may repeat.
        assertThat(asEditor("GET", "/api/v1/manage/reports/translations?lang=fr&lang=en").send().status()).isEqualTo(200);
    }

    @Test
    void optionsAndA405ListOnlyTheMethodsThePathServes() {
        ChunkedPost.Answer stories = RawRequest.of("OPTIONS", "/api/v1/stories").send();
        assertThat(stories.status()).isEqualTo(200);
        assertThat(stories.headers().get("allow")).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(RawRequest.of("OPTIONS", "/api/v1/manage/stories/01m8p76y76tt8bmq15xhc58wdg").send().headers().get("allow"))
                .isEqualTo("GET, HEAD, OPTIONS, PUT");
        assertThat(RawRequest.of("OPTIONS", "/api/v1/manage/key-messages/coverage").send().headers().get("allow"))
                .isEqualTo("GET, HEAD, OPTIONS");
        assertThat(RawRequest.of("OPTIONS", "/api/v1/feeds/vi.rss").send().headers().get("allow")).isEqualTo("GET, HEAD, OPTIONS");
        problem(RawRequest.of("OPTIONS", "/api/v1/no-such-thing").send(), 404, "not-found");
        ChunkedPost.Answer wrongMethod = asEditor("DELETE", "/api/v1/manage/stories").send();
        problem(wrongMethod, 405, "method-not-allowed");
        assertThat(wrongMethod.headers().get("allow")).isEqualTo("GET, HEAD, OPTIONS, POST");
    }

    @Test
    void errorsRaisedBeforeTheApplicationAreProblemsToo() {
        credentials();
        JsonPath escape = problem(RawRequest.of("GET", "/api/v1/stories?lang=%%%").header("X-Api-Key", apiKey).send(), 400, "malformed-request");
        assertThat(escape.getList("errors.field")).containsExactly("query.lang");
        problem(RawRequest.of("GET", "/api/v1/stories/%zz").send(), 400, "malformed-request");
        problem(RawRequest.of("GET", "/api/v1/stories?lang=a|b").send(), 400, "malformed-request");
        problem(RawRequest.of("GET", "/api/v1/stories?lang=" + "a".repeat(10_000)).send(), 414, "uri-too-long");
        problem(RawRequest.of("GET", "/api/v1/ping").header("X-Padding", "h".repeat(30_000)).send(), 431, "headers-too-large");
        JsonPath nul = problem(RawRequest.of("GET", "/api/v1/ping").header("X-Trace", "a\u0000b").send(), 400, "validation");
        assertThat(nul.getList("errors.field")).containsExactly("header.X-Trace");
        assertThat(nul.getList("errors.code")).containsExactly("control-character");
        problem(RawRequest.of("GET", "/api/v1/ping").header("X-Trace", "a\u0001b").send(), 400, "validation");
        // A control character in a header's name is not echoed: the field names the header with '?' in its place.
        JsonPath inName = problem(RawRequest.of("GET", "/api/v1/ping").header("X-Tr\u0000ce", "ab").send(), 400, "validation");
        assertThat(inName.getList("errors.field")).containsExactly("header.X-Tr?ce");
    }
}
