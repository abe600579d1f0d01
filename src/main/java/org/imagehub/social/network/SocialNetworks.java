package org.imagehub.social.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.imagehub.social.SocialConfig;
import org.jboss.logging.Logger;

/**
 * The social networks' posting rules declared as data in {@code social-networks/}. Loaded once at start and
 * each file validated against {@code network.schema.json} beside it: a wrong figure or a typo stops the hub
 * with a message naming the file, rather than letting a post fail at the network later.
 */
@Startup
@ApplicationScoped
public class SocialNetworks {
    private static final Logger LOG = Logger.getLogger(SocialNetworks.class);
    static final String SCHEMA_FILE = "network.schema.json";

    private final Map<String, NetworkRules> rules;
    private final Map<String, JsonNode> documents;

    @Inject
    public SocialNetworks(SocialConfig config, ObjectMapper objectMapper) {
        this(Path.of(config.networksDir()), objectMapper);
    }

    /** Loads every network file of {@code folder}. */
    SocialNetworks(Path folder, ObjectMapper objectMapper) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("Social networks folder " + folder.toAbsolutePath() + " does not exist "
                    + "(set hub.social.networks-dir / HUB_SOCIAL_NETWORKS_DIR to the folder holding the network files)");
        }
        Schema schema = loadSchema(folder.resolve(SCHEMA_FILE));
        Map<String, NetworkRules> loadedRules = new TreeMap<>();
        Map<String, JsonNode> loadedDocuments = new TreeMap<>();
        for (Path file : networkFiles(folder)) {
            JsonNode document = readValid(file, schema, objectMapper);
            String id = document.get("network").asText();
            loadedDocuments.put(id, document);
            loadedRules.put(id, toRules(file, document, objectMapper));
        }
        this.rules = loadedRules;
        this.documents = loadedDocuments;
        LOG.infof("Social networks: %d networks %s", rules.size(), rules.keySet());
    }

    public Optional<NetworkRules> find(String network) {
        return Optional.ofNullable(rules.get(network));
    }

    /** All networks, sorted by id. */
    public List<NetworkRules> all() {
        return List.copyOf(rules.values());
    }

    /** The network's file as stored (a copy), so an API can serve it with its sources and notes. */
    public Optional<JsonNode> document(String network) {
        return Optional.ofNullable(documents.get(network)).map(JsonNode::deepCopy);
    }

    private static Schema loadSchema(Path schemaFile) {
        try {
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    builder -> builder.schemaRegistryConfig(
                            SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
            return registry.getSchema(Files.readString(schemaFile), InputFormat.JSON);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Cannot load network schema " + schemaFile.toAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
    }

    private static List<Path> networkFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .filter(f -> !f.getFileName().toString().equals(SCHEMA_FILE))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read social networks folder " + folder.toAbsolutePath(), e);
        }
    }

    private static JsonNode readValid(Path file, Schema schema, ObjectMapper objectMapper) {
        try {
            String json = Files.readString(file);
            List<com.networknt.schema.Error> errors = schema.validate(json, InputFormat.JSON);
            if (!errors.isEmpty()) {
                throw new IllegalStateException(errors.stream()
                        .map(error -> error.getInstanceLocation() + " " + error.getMessage())
                        .collect(Collectors.joining("; ")));
            }
            JsonNode document = objectMapper.readTree(json);
            // The id is the file name so that a rule is found where one looks for it.
            String expected = file.getFileName().toString().replaceFirst("\\.json$", "");
            String id = document.get("network").asText();
            if (!id.equals(expected)) {
                throw new IllegalStateException("'network' is '" + id + "' but the file name says '" + expected + "'");
            }
            return document;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Invalid social network file " + file.toAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
    }

    private static NetworkRules toRules(Path file, JsonNode document, ObjectMapper objectMapper) {
        try {
            return objectMapper.treeToValue(document, NetworkRules.class);
        } catch (IOException e) {
            throw new IllegalStateException("Invalid social network file " + file.toAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
    }
}
