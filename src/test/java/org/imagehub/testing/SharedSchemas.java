package org.imagehub.testing;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The standards' own schemas in {@code ../shared/schemas} (or {@code hub.shared.dir}), as validators that return the
 * list of errors. Schemas that refer to other schemas by their public address get the local copy, never the network.
 */
public final class SharedSchemas {
    private SharedSchemas() {
    }

    public static Path dir() {
        return Path.of(System.getProperty("hub.shared.dir", "../shared"), "schemas");
    }

    public static JsonValidator ninjs21() {
        return new JsonValidator(SpecificationVersion.DRAFT_2020_12, "ninjs/ninjs-schema_2.1.json",
                Map.of("https://geojson.org/schema/GeoJSON.json", "ninjs/GeoJSON-schema.json"));
    }

    public static JsonValidator jsonFeed11() {
        return new JsonValidator(SpecificationVersion.DRAFT_4, "feeds/jsonfeed-1.1.schemastore.json",
                Map.of("https://json.schemastore.org/feed-1", "feeds/jsonfeed-1.0.schemastore.json"));
    }

    public static List<String> atomErrors(String xml) {
        List<String> errors = new ArrayList<>();
        PropertyMapBuilder properties = new PropertyMapBuilder();
        properties.put(ValidateProperty.ERROR_HANDLER, collectingInto(errors));
        ValidationDriver driver = new ValidationDriver(properties.toPropertyMap(), CompactSchemaReader.getInstance());
        try {
            if (!driver.loadSchema(ValidationDriver.fileInputSource(dir().resolve("feeds/atom-rfc4287.rnc").toFile()))) {
                throw new IllegalStateException("Atom schema did not load: " + errors);
            }
            boolean valid = driver.validate(new InputSource(new StringReader(xml)));
            if (!valid && errors.isEmpty()) {
                errors.add("invalid, without a message from Jing");
            }
        } catch (SAXException e) {
            errors.add(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return errors;
    }

    private static ErrorHandler collectingInto(List<String> errors) {
        return new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
    }

    public static final class JsonValidator {
        private final Schema schema;

        private JsonValidator(SpecificationVersion dialect, String schemaFile, Map<String, String> localCopies) {
            Map<String, String> schemas = new LinkedHashMap<>();
            localCopies.forEach((iri, file) -> schemas.put(iri, read(file)));
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(dialect, builder -> builder
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                    .schemas(schemas)
                    .schemaLoader(loader -> loader.fetchRemoteResources(false)));
            schema = registry.getSchema(read(schemaFile), InputFormat.JSON);
        }

        public List<String> errors(String json) {
            return schema.validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
        }

        private static String read(String file) {
            try {
                return Files.readString(dir().resolve(file));
            } catch (IOException e) {
                throw new UncheckedIOException("Shared schema missing: " + file, e);
            }
        }
    }
}
