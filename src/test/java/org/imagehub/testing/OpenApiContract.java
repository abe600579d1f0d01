package org.imagehub.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The committed OpenAPI document as a checker of real answers: as a RestAssured filter it finds the operation of
 * each request, and checks that the answer's status is documented for it, that its media type is one the document
 * gives for that status, and that its body is valid against that schema (JSON Schema 2020-12 with the OpenAPI 3.1
 * vocabulary, {@code $ref}s resolved inside the document). Every mismatch is kept, to be reported at the end.
 */
public final class OpenApiContract implements Filter {
    private static final String DOCUMENT_IRI = "https://image-hub.test/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final SchemaRegistry schemas;
    private final List<Route> routes = new ArrayList<>();
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
    private final Set<String> covered = Collections.synchronizedSet(new TreeSet<>());
    private final List<String> mismatches = Collections.synchronizedList(new ArrayList<>());

    public OpenApiContract(Path file) {
        try {
            String text = Files.readString(file);
            document = JSON.readTree(text);
            schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), builder -> builder
                    .schemas(Map.of(DOCUMENT_IRI, text))
                    .schemaLoader(loader -> loader.fetchRemoteResources(false)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (!operation.getKey().equals("parameters")) {
                routes.add(new Route(operation.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey()));
            }
        }));
        // The most literal template wins: /stories/by-slug/{lang}/{slug} before /stories/{id}/ninjs.
        routes.sort(Comparator.comparingInt((Route route) -> route.template().replaceAll("\\{[^}]+}", "").length()).reversed());
    }

    /** Every operation of the document, as "GET /api/v1/stories". */
    public Set<String> operations() {
        Set<String> all = new TreeSet<>();
        routes.forEach(route -> all.add(route.name()));
        return all;
    }

    public Set<String> covered() {
        return covered;
    }

    public List<String> mismatches() {
        return mismatches;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec, FilterContext context) {
        Response response = context.next(request, responseSpec);
        String path = URI.create(request.getURI()).getRawPath();
        Route route = routes.stream().filter(candidate -> candidate.method().equals(request.getMethod()) && candidate.matches(path))
                .findFirst().orElse(null);
        if (route == null) {
            if (path.startsWith("/api/")) {
                mismatches.add(request.getMethod() + " " + path + ": no operation in the document");
            }
            return response;
        }
        covered.add(route.name());
        String problem = check(route, response);
        if (problem != null) {
            mismatches.add(route.name() + " (" + request.getMethod() + " " + path + ") answered " + response.statusCode() + ": " + problem);
        }
        return response;
    }

    private String check(Route route, Response response) {
        String status = Integer.toString(response.statusCode());
        String pointer = "/paths/" + escape(route.template()) + "/" + route.method().toLowerCase(java.util.Locale.ROOT) + "/responses/" + status;
        JsonNode answer = document.at(pointer);
        if (answer.isMissingNode()) {
            return "status not documented";
        }
        if (answer.has("$ref")) {
            pointer = answer.get("$ref").asText().substring(1);
            answer = document.at(pointer);
        }
        JsonNode content = answer.path("content");
        String body = response.asString();
        if (content.isMissingNode() || content.isEmpty()) {
            return body.isEmpty() ? null : "a body where the document gives none";
        }
        String mediaType = response.contentType() == null ? "" : response.contentType().split(";")[0].trim();
        if (!content.has(mediaType)) {
            return "media type '" + mediaType + "' not documented (documented: " + fieldNames(content) + ")";
        }
        if (mediaType.endsWith("xml")) {
            return body.startsWith("<?xml") ? null : "not an XML document";
        }
        if (mediaType.equals("text/javascript")) {
            return body.isEmpty() ? "an empty script" : null;
        }
        if (mediaType.equals("text/calendar")) {
            return body.startsWith("BEGIN:VCALENDAR") ? null : "not an iCalendar document";
        }
        if (mediaType.equals("text/csv")) {
            // A report's rows: the header line is the one the document describes.
            String header = body.lines().findFirst().orElse("");
            String documented = content.path(mediaType).path("schema").path("description").asText();
            return header.equals(documented) ? null : "CSV header '" + header + "', documented '" + documented + "'";
        }
        if (mediaType.startsWith("image/")) {
            // A binary answer: documented as a string of format binary, there is no JSON to validate.
            return response.asByteArray().length > 0 ? null : "an empty image";
        }
        Schema schema = compiled.computeIfAbsent(pointer + "/content/" + escape(mediaType) + "/schema",
                location -> schemas.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + location)));
        List<String> lines = mediaType.equals("application/x-ndjson") ? body.lines().toList() : List.of(body);
        for (String line : lines) {
            List<String> errors = schema.validate(line, InputFormat.JSON).stream().map(Object::toString).toList();
            if (!errors.isEmpty()) {
                return "body does not match the schema: " + errors + " in " + abbreviate(line);
            }
        }
        return null;
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String fieldNames(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names.toString();
    }

    private static String abbreviate(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    private record Route(String method, String template, Pattern pattern) {
        Route(String method, String template) {
            this(method, template, Pattern.compile(Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+?\\\\Q")));
        }

        boolean matches(String path) {
            return pattern.matcher(path).matches();
        }

        String name() {
            return method + " " + template;
        }
    }
}
