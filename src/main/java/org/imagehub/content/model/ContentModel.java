package org.imagehub.content.model;

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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.imagehub.platform.HubConfig;
import org.imagehub.platform.errors.FieldError;
import org.jboss.logging.Logger;

/**
 * The content types declared as data in {@code content-model/}. Loaded once at start: a file that is not a
 * valid type stops the hub with a message naming the file, rather than failing later on some save.
 */
@Startup
@ApplicationScoped
public class ContentModel {
    private static final Logger LOG = Logger.getLogger(ContentModel.class);

    private final ObjectMapper objectMapper;
    private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private final Map<String, ContentType> types;
    /** What each schema says of an empty object, by schema (each is loaded once, with its type). */
    private final Map<Schema, List<com.networknt.schema.Error>> emptyObjectErrors = new ConcurrentHashMap<>();

    @Inject
    public ContentModel(HubConfig config, ObjectMapper objectMapper) {
        this(folders(config), objectMapper);
    }

    /** Loads every type file of the folders, later folders adding or replacing types of earlier ones. */
    ContentModel(List<Path> folders, ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
        Map<String, ContentType> loaded = new TreeMap<>();
        folders.forEach(folder -> loadFolder(folder, loaded));
        this.types = Map.copyOf(loaded);
        LOG.infof("Content model: %d types %s", types.size(), types.keySet());
    }

    private static List<Path> folders(HubConfig config) {
        List<Path> folders = new ArrayList<>();
        folders.add(Path.of(config.contentModel().dir()));
        config.contentModel().extraDir().map(Path::of).ifPresent(folders::add);
        return folders;
    }

    public Optional<ContentType> type(String name) {
        return Optional.ofNullable(types.get(name));
    }

    public Collection<ContentType> types() {
        return new TreeMap<>(types).values();
    }

    /** Validates a field set against its schema; each error names the path under {@code prefix}. */
    public List<FieldError> validate(Schema schema, JsonNode value, String prefix) {
        boolean empty = value == null || value.isObject() && value.isEmpty();
        // Most localizations send no fields: the empty object's outcome is worked out once per schema (a validation
        // writes the node out and the validator parses it again, ~10 % of an import's checks).
        List<com.networknt.schema.Error> found = empty ? emptyObjectErrors.computeIfAbsent(schema, this::errorsOf) : errorsOf(schema, value);
        List<FieldError> errors = new ArrayList<>(found.size());
        for (com.networknt.schema.Error error : found) {
            errors.add(new FieldError(fieldPath(prefix, error), "schema-" + error.getKeyword(), message(error)));
        }
        return errors;
    }

    private List<com.networknt.schema.Error> errorsOf(Schema schema) {
        return errorsOf(schema, objectMapper.createObjectNode());
    }

    private List<com.networknt.schema.Error> errorsOf(Schema schema, JsonNode value) {
        try {
            return List.copyOf(schema.validate(objectMapper.writeValueAsString(value), InputFormat.JSON));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void loadFolder(Path folder, Map<String, ContentType> into) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("Content model folder " + folder.toAbsolutePath() + " does not exist "
                    + "(set hub.content-model.dir / HUB_CONTENT_MODEL_DIR to the folder holding the type files)");
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                ContentType type = load(file);
                into.put(type.type(), type);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read content model folder " + folder.toAbsolutePath(), e);
        }
    }

    private ContentType load(Path file) {
        try {
            JsonNode document = objectMapper.readTree(file.toFile());
            String name = document.path("type").asText("");
            if (!name.matches("[a-z][a-z0-9-]{1,40}")) {
                throw new IllegalStateException("'type' must be a lowercase id such as fact-check");
            }
            if (!document.path("label").isObject()) {
                throw new IllegalStateException("'label' must be an object of display names per language");
            }
            Schema storyFields = compile(document, "storyFields");
            Schema localizationFields = compile(document, "localizationFields");
            return new ContentType(name, document, storyFields, localizationFields);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Invalid content type file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private Schema compile(JsonNode document, String key) throws IOException {
        JsonNode schema = document.get(key);
        if (schema == null || !schema.isObject() || !"object".equals(schema.path("type").asText())) {
            throw new IllegalStateException("'" + key + "' must be a JSON Schema of type object");
        }
        return schemas.getSchema(objectMapper.writeValueAsString(schema), InputFormat.JSON);
    }

    private static String fieldPath(String prefix, com.networknt.schema.Error error) {
        StringBuilder path = new StringBuilder(prefix);
        String location = String.valueOf(error.getInstanceLocation());
        if (location.startsWith("$")) {
            // JSON path "$.circulatedOn[0].url" → ".circulatedOn[0].url"
            path.append(location.substring(1));
        } else if (location.startsWith("/")) {
            // JSON pointer "/circulatedOn/0/url" → ".circulatedOn[0].url"
            for (String segment : location.substring(1).split("/")) {
                String name = segment.replace("~1", "/").replace("~0", "~");
                path.append(name.matches("\\d+") ? "[" + name + "]" : "." + name);
            }
        }
        if (("required".equals(error.getKeyword()) || "additionalProperties".equals(error.getKeyword()))
                && error.getProperty() != null) {
            path.append('.').append(error.getProperty());
        }
        return path.toString();
    }

    private static String message(com.networknt.schema.Error error) {
        String message = error.getMessage();
        // The library prefixes messages with the instance location; the field path already says it.
        int colon = message.indexOf(": ");
        return message.startsWith("$") && colon > 0 ? message.substring(colon + 2) : message;
    }
}
