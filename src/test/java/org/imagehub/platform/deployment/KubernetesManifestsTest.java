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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
            "Deployment", "Service", "ConfigMap", "HorizontalPodAutoscaler", "PodDisruptionBudget", "Ingress", "NetworkPolicy");

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
    void networkPolicyWithAnUnknownFieldIsRejected() throws IOException {
        ObjectNode broken = manifest("networkpolicy.yaml").deepCopy();
        ((ObjectNode) broken.at("/spec/ingress/0/from/0")).put("namespaceSelecter", "x");
        ((ObjectNode) broken.at("/spec/egress/0/ports/0")).put("protocol", "HTTP");
        List<String> errors = validate(broken);
        assertTrue(errors.stream().anyMatch(e -> e.contains("namespaceSelecter")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("protocol")), errors.toString());
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

    @Test
    void theIngressRoutesOnlyTheApiToTheHttpPort() {
        JsonNode ingress = manifest("ingress.yaml");
        List<String> routes = new ArrayList<>();
        for (JsonNode rule : ingress.at("/spec/rules")) {
            for (JsonNode path : rule.at("/http/paths")) {
                routes.add(path.path("path").asText() + " " + path.path("pathType").asText() + " -> "
                        + path.at("/backend/service/port/name").asText());
            }
        }
        assertEquals(List.of("/api Prefix -> http"), routes, "only /api, to the service's http port");
        assertTrue(ingress.at("/spec/defaultBackend").isMissingNode(), "no default backend");
    }

    @Test
    void probesAndMetricsUseTheManagementPortWhichTheServiceKeepsInsideTheCluster() {
        JsonNode container = manifest("deployment.yaml").at("/spec/template/spec/containers/0");
        Map<String, Integer> ports = new java.util.HashMap<>();
        container.path("ports").forEach(port -> ports.put(port.path("name").asText(), port.path("containerPort").asInt()));
        assertEquals(Map.of("http", 8080, "management", 9000), ports);
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertEquals("management", container.at("/" + probe + "/httpGet/port").asText(), probe);
            assertTrue(container.at("/" + probe + "/httpGet/path").asText().startsWith("/q/health/"), probe);
        }
        assertEquals("9000", manifest("deployment.yaml").at("/spec/template/metadata/annotations/prometheus.io~1port").asText());
        Set<String> servicePorts = new TreeSet<>();
        manifest("service.yaml").at("/spec/ports").forEach(port -> servicePorts.add(port.path("targetPort").asText()));
        assertEquals(Set.of("http", "management"), servicePorts);
        assertEquals("ClusterIP", manifest("service.yaml").at("/spec/type").asText());
    }

    @Test
    void theNetworkPolicyLetsInOnlyTheIngressControllerAndMonitoringAndLetsOutOnlyTheEngines() {
        JsonNode policy = manifest("networkpolicy.yaml");
        assertEquals(manifest("deployment.yaml").at("/spec/selector/matchLabels"), policy.at("/spec/podSelector/matchLabels"),
                "selects the hub's pods");
        Set<String> types = new TreeSet<>();
        policy.at("/spec/policyTypes").forEach(type -> types.add(type.asText()));
        assertEquals(Set.of("Ingress", "Egress"), types);

        Map<String, String> inbound = new java.util.TreeMap<>();
        for (JsonNode rule : policy.at("/spec/ingress")) {
            assertEquals(1, rule.path("from").size(), "one source per rule: " + rule);
            String namespace = rule.at("/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText();
            assertFalse(namespace.isEmpty(), "every source is a namespace: " + rule);
            rule.path("ports").forEach(port -> inbound.put(port.path("port").asText(), namespace));
        }
        assertEquals(Map.of("http", "ingress-nginx", "management", "monitoring"), inbound);

        Set<String> outbound = new TreeSet<>();
        for (JsonNode rule : policy.at("/spec/egress")) {
            assertFalse(rule.path("to").isEmpty(), "every egress rule names its destination: " + rule);
            rule.path("ports").forEach(port -> outbound.add(port.path("protocol").asText() + "/" + port.path("port").asText()));
        }
        assertTrue(outbound.containsAll(Set.of("TCP/5432", "TCP/9200", "TCP/9000", "UDP/53", "TCP/53")), "PostgreSQL, "
                + "Elasticsearch, MinIO and DNS: " + outbound);
        outbound.removeAll(Set.of("TCP/5432", "TCP/9200", "TCP/9000", "UDP/53", "TCP/53", "TCP/443"));
        assertEquals(Set.of(), outbound, "nothing else (443: the identity provider)");
    }

    @Test
    void objectStorageIsReachedOverTlsWithTheTrustBundleMounted() {
        assertTrue(manifest("configmap.yaml").at("/data/HUB_STORAGE_ENDPOINT").asText().startsWith("https://"));
        JsonNode pod = manifest("deployment.yaml").at("/spec/template/spec");
        String javaOptions = javaOptions(pod.at("/containers/0"));
        Matcher store = Pattern.compile("-Djavax\\.net\\.ssl\\.trustStore=(\\S+)").matcher(javaOptions);
        assertTrue(store.find(), "the JVM trusts a mounted bundle: " + javaOptions);
        boolean mounted = false;
        for (JsonNode mount : pod.at("/containers/0/volumeMounts")) {
            mounted |= store.group(1).startsWith(mount.path("mountPath").asText() + "/");
        }
        assertTrue(mounted, store.group(1) + " is on a mounted volume");
    }

    @Test
    void theHeapLeavesTheJvmItsOwnMemoryInsideTheLimitAndTheAutoscalerIgnoresMemory() {
        JsonNode container = manifest("deployment.yaml").at("/spec/template/spec/containers/0");
        long limit = mebibytes(container.at("/resources/limits/memory").asText());
        assertEquals(limit, mebibytes(container.at("/resources/requests/memory").asText()),
                "a heap committed at start is memory the pod holds: request what it may use");
        String javaOptions = javaOptions(container);
        Matcher initial = Pattern.compile("-XX:InitialRAMPercentage=(\\d+)").matcher(javaOptions);
        Matcher max = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(javaOptions);
        assertTrue(initial.find() && max.find(), "the heap is sized from the limit: " + javaOptions);
        assertEquals(initial.group(1), max.group(1), "the heap is committed whole at start");
        long heap = limit * Long.parseLong(max.group(1)) / 100;
        // Measured beside a 512 MiB heap under random reads (README, "Memory"): RSS 937 MiB.
        assertTrue(limit - heap >= 640, "room for the JVM's own ~425 MiB: heap " + heap + " MiB of " + limit);
        assertTrue(heap >= 640, "room for the 128 MiB response cache and the published archive's working set: " + heap);
        for (JsonNode metric : manifest("hpa.yaml").at("/spec/metrics")) {
            assertEquals("cpu", metric.at("/resource/name").asText(), "a committed heap says nothing about load");
        }
    }

    /** The options the image's launcher adds to the JVM's command line. */
    private static String javaOptions(JsonNode container) {
        for (JsonNode env : container.at("/env")) {
            if (env.path("name").asText().equals("JAVA_OPTS_APPEND")) {
                return env.path("value").asText();
            }
        }
        return "";
    }

    private static long mebibytes(String quantity) {
        Matcher size = Pattern.compile("(\\d+)(Mi|Gi)").matcher(quantity);
        assertTrue(size.matches(), "a memory quantity in Mi or Gi: " + quantity);
        return Long.parseLong(size.group(1)) * (size.group(2).equals("Gi") ? 1024 : 1);
    }

    @Test
    void everySecretTheDeploymentReadsIsInTheExampleAndTheReadme() throws IOException {
        Set<String> read = new TreeSet<>();
        for (JsonNode env : manifest("deployment.yaml").at("/spec/template/spec/containers/0/env")) {
            JsonNode ref = env.at("/valueFrom/secretKeyRef");
            if (!ref.isMissingNode()) {
                assertEquals("image-hub-secrets", ref.path("name").asText());
                read.add(ref.path("key").asText());
            }
        }
        assertTrue(read.containsAll(Set.of("HUB_CURSOR_SECRET", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_FLYWAY_USERNAME",
                "QUARKUS_FLYWAY_PASSWORD")), read.toString());
        Set<String> example = new TreeSet<>();
        manifest("secret-example.yaml").path("stringData").fieldNames().forEachRemaining(example::add);
        assertEquals(read, example, "secret-example.yaml documents exactly the keys the Deployment reads");
        String readme = Files.readString(MANIFEST_DIR.resolve("README.md"));
        for (String key : read) {
            assertTrue(readme.contains("`" + key + "`"), "k8s/README.md's secrets table names " + key);
        }
    }

    private static JsonNode manifest(String file) {
        return readDocuments(MANIFEST_DIR.resolve(file)).get(0);
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
        if (!Files.isRegularFile(schemaFile) && kind.equals("NetworkPolicy") && apiVersion.equals("networking.k8s.io/v1")) {
            return messages(kind, NETWORK_POLICY_SCHEMA.validate(JSON.writeValueAsString(manifest), InputFormat.JSON));
        }
        if (!Files.isRegularFile(schemaFile)) {
            return List.of("no schema for kind " + kind + ", apiVersion " + apiVersion + ": " + schemaFile
                    + " does not exist");
        }
        Schema schema = SCHEMAS.computeIfAbsent(schemaFile, KubernetesManifestsTest::loadSchema);
        // The validator works on Jackson 3 trees: hand it the manifest as JSON text and let it parse.
        return messages(kind, schema.validate(JSON.writeValueAsString(manifest), InputFormat.JSON));
    }

    private static List<String> messages(String kind, List<com.networknt.schema.Error> errors) {
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

    /**
     * {@code ../shared/schemas} has no NetworkPolicy schema. Until it does, NetworkPolicy is checked against a strict
     * schema composed here: ObjectMeta and LabelSelector taken from the shared (generated) schemas, the NetworkPolicy
     * spec written after the Kubernetes 1.30 API reference ({@code networking.k8s.io/v1}), unknown fields rejected.
     */
    private static final Schema NETWORK_POLICY_SCHEMA = networkPolicySchema();

    private static Schema networkPolicySchema() {
        try {
            JsonNode ingress = JSON.readTree(Files.readString(schemaDir().resolve("ingress-networking-v1.json")));
            JsonNode deployment = JSON.readTree(Files.readString(schemaDir().resolve("deployment-apps-v1.json")));
            JsonNode metadata = ingress.at("/properties/metadata");
            JsonNode selector = deployment.at("/properties/spec/properties/selector");
            ObjectNode port = strict(Map.of(
                    "protocol", JSON.readTree("{\"type\":\"string\",\"enum\":[\"TCP\",\"UDP\",\"SCTP\"]}"),
                    "port", JSON.readTree("{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}"),
                    "endPort", JSON.readTree("{\"type\":\"integer\"}")), List.of());
            ObjectNode ipBlock = strict(Map.of("cidr", JSON.readTree("{\"type\":\"string\"}"),
                    "except", JSON.readTree("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}")), List.of("cidr"));
            ObjectNode peer = strict(Map.of("podSelector", selector, "namespaceSelector", selector, "ipBlock", ipBlock), List.of());
            ObjectNode ingressRule = strict(Map.of("from", array(peer), "ports", array(port)), List.of());
            ObjectNode egressRule = strict(Map.of("to", array(peer), "ports", array(port)), List.of());
            ObjectNode spec = strict(Map.of("podSelector", selector, "ingress", array(ingressRule), "egress", array(egressRule),
                    "policyTypes", JSON.readTree("{\"type\":\"array\",\"items\":{\"type\":\"string\",\"enum\":[\"Ingress\",\"Egress\"]}}")),
                    List.of("podSelector"));
            ObjectNode policy = strict(Map.of(
                    "apiVersion", JSON.readTree("{\"type\":\"string\",\"enum\":[\"networking.k8s.io/v1\"]}"),
                    "kind", JSON.readTree("{\"type\":\"string\",\"enum\":[\"NetworkPolicy\"]}"),
                    "metadata", metadata, "spec", spec), List.of("apiVersion", "kind", "metadata", "spec"));
            policy.put("$schema", K8S_SCHEMA_DIALECT_ID);
            return REGISTRY.getSchema(JSON.writeValueAsString(policy), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode strict(Map<String, JsonNode> properties, List<String> required) {
        ObjectNode schema = JSON.createObjectNode().put("type", "object").put("additionalProperties", false);
        properties.forEach(schema.putObject("properties")::set);
        required.forEach(schema.putArray("required")::add);
        return schema;
    }

    private static ObjectNode array(JsonNode items) {
        ObjectNode schema = JSON.createObjectNode().put("type", "array");
        schema.set("items", items);
        return schema;
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
