package org.imagehub.platform.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.BasicDialectRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Validates every manifest in {@code k8s/} against the strict Kubernetes 1.30 JSON schemas
 * ({@code additionalProperties: false}, so an unknown or misspelt field fails).
 *
 * <p>Runs with the repository root as working directory. The schemas live in
 * {@code ../shared/schemas/k8s/v1.30.0-standalone-strict/}; set the system property
 * {@code hub.shared.dir} to point at another {@code shared} directory.
 */
class KubernetesManifestsTest {

    private static final Path MANIFEST_DIR = Path.of("k8s");
    private static final String SCHEMA_SUBDIR = "schemas/k8s/v1.30.0-standalone-strict";

    /** The kinds the service cannot run without (see DESIGN.md, "Deployment"). */
    private static final Set<String> REQUIRED_KINDS = Set.of(
            "Deployment", "Service", "ConfigMap", "HorizontalPodAutoscaler", "PodDisruptionBudget", "Ingress");

    /**
     * The generated Kubernetes schemas declare {@code "$schema": "http://json-schema.org/schema#"},
     * which is no dialect the validator knows. They are written in draft 4 (OpenAPI v2 heritage),
     * so that id is registered as an alias of draft 4; plain draft-04 schemas keep working too.
     */
    private static final String K8S_SCHEMA_DIALECT_ID = "http://json-schema.org/schema#";

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final SchemaRegistry REGISTRY = schemaRegistry();
    private static final Map<Path, Schema> SCHEMAS = new ConcurrentHashMap<>();

    @TestFactory
    Stream<DynamicTest> everyManifestMatchesItsStrictSchema() {
        List<Path> files = manifestFiles();
        assertFalse(files.isEmpty(), "no *.yaml / *.yml files in " + MANIFEST_DIR.toAbsolutePath());
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            List<JsonNode> documents = readDocuments(file);
            assertEquals(1, documents.size(), file + ": expected exactly one manifest per file");
            List<String> errors = validate(documents.get(0));
            if (!errors.isEmpty()) {
                fail(file + " does not match its Kubernetes schema (" + errors.size() + " error(s)):\n  "
                        + String.join("\n  ", errors));
            }
        }));
    }

    @Test
    void manifestWithAnUnknownFieldIsRejected() throws IOException {
        JsonNode deployment = readDocuments(MANIFEST_DIR.resolve("deployment.yaml")).get(0);
        assertEquals(List.of(), validate(deployment), "the untouched deployment.yaml must be valid");

        ObjectNode broken = deployment.deepCopy();
        ObjectNode containerSecurity = (ObjectNode) broken.at("/spec/template/spec/containers/0/securityContext");
        containerSecurity.put("readOnlyRootFileSystem", true); // typo of readOnlyRootFilesystem
        ((ObjectNode) broken.get("spec")).put("bogusField", "x");

        List<String> errors = validate(broken);
        assertTrue(errors.stream().anyMatch(e -> e.contains("readOnlyRootFileSystem")),
                "the misspelt container field must be reported, got: " + errors);
        assertTrue(errors.stream().anyMatch(e -> e.contains("bogusField")),
                "the unknown spec field must be reported, got: " + errors);
    }

    @Test
    void everyRequiredKindIsPresent() {
        Set<String> kinds = new TreeSet<>();
        for (Path file : manifestFiles()) {
            for (JsonNode document : readDocuments(file)) {
                kinds.add(document.path("kind").asText());
            }
        }
        Set<String> missing = new TreeSet<>(REQUIRED_KINDS);
        missing.removeAll(kinds);
        assertTrue(missing.isEmpty(), "k8s/ lacks manifests of kind " + missing + " (found " + kinds + ")");
    }

    // ------------------------------------------------------------------------------------------

    /** Validates one manifest against the schema picked by its kind and apiVersion; returns every error. */
    private static List<String> validate(JsonNode manifest) throws IOException {
        String kind = manifest.path("kind").asText("");
        String apiVersion = manifest.path("apiVersion").asText("");
        if (kind.isEmpty() || apiVersion.isEmpty()) {
            return List.of("manifest has no kind and/or apiVersion");
        }
        Path schemaFile = schemaDir().resolve(schemaFileName(kind, apiVersion));
        if (!Files.isRegularFile(schemaFile)) {
            return List.of("no schema for kind " + kind + ", apiVersion " + apiVersion + ": " + schemaFile
                    + " does not exist");
        }
        Schema schema = SCHEMAS.computeIfAbsent(schemaFile, KubernetesManifestsTest::loadSchema);
        // The validator works on Jackson 3 trees: hand it the manifest as JSON text and let it parse.
        List<com.networknt.schema.Error> errors = schema.validate(JSON.writeValueAsString(manifest), InputFormat.JSON);
        List<String> messages = new ArrayList<>();
        for (com.networknt.schema.Error error : errors) {
            messages.add(kind + " " + error.getInstanceLocation() + ": " + error.getMessage());
        }
        return messages;
    }

    /**
     * File names follow the kubernetes-json-schema convention: {@code deployment-apps-v1.json},
     * {@code ingress-networking-v1.json}, {@code service-v1.json} (core group has no group part).
     */
    static String schemaFileName(String kind, String apiVersion) {
        String lowerKind = kind.toLowerCase(Locale.ROOT);
        int slash = apiVersion.indexOf('/');
        if (slash < 0) {
            return lowerKind + "-" + apiVersion + ".json";
        }
        String group = apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        int dot = group.indexOf('.');
        String groupName = dot < 0 ? group : group.substring(0, dot);
        return lowerKind + "-" + groupName + "-" + version + ".json";
    }

    private static Path schemaDir() {
        Path shared = Path.of(System.getProperty("hub.shared.dir", "../shared"));
        Path dir = shared.resolve(SCHEMA_SUBDIR);
        if (!Files.isDirectory(dir)) {
            fail("Kubernetes schemas not found at " + dir.toAbsolutePath()
                    + " (run from the repository root, or set -Dhub.shared.dir=<path to shared>)");
        }
        return dir;
    }

    private static Schema loadSchema(Path schemaFile) {
        try {
            return REGISTRY.getSchema(Files.readString(schemaFile), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + schemaFile, e);
        }
    }

    private static SchemaRegistry schemaRegistry() {
        Dialect draft4 = Dialects.getDraft4();
        Dialect k8sAlias = Dialect.builder(K8S_SCHEMA_DIALECT_ID, draft4).build();
        return SchemaRegistry.withDefaultDialect(k8sAlias,
                builder -> builder.dialectRegistry(new BasicDialectRegistry(List.of(draft4, k8sAlias))));
    }

    private static List<Path> manifestFiles() {
        if (!Files.isDirectory(MANIFEST_DIR)) {
            fail("manifest directory not found: " + MANIFEST_DIR.toAbsolutePath()
                    + " (the test must run with the repository root as working directory)");
        }
        try (Stream<Path> files = Files.list(MANIFEST_DIR)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".yaml")
                            || f.getFileName().toString().endsWith(".yml"))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All non-empty YAML documents of a file (a file may hold several, separated by {@code ---}). */
    private static List<JsonNode> readDocuments(Path file) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (it.hasNextValue()) {
                JsonNode document = it.nextValue();
                if (document != null && !document.isNull() && !document.isMissingNode() && !document.isEmpty()) {
                    documents.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
        return documents;
    }
}
