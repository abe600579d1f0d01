package org.imagehub.delivery.format;

import org.imagehub.testing.SharedSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schema.org 30.0 vocabulary from {@code ../shared/schemas/schemaorg}: which types and properties exist, and on
 * which types a property may be used (its domain, inherited through the class hierarchy).
 */
final class SchemaOrgVocabulary {
    private static final String PREFIX = "schema:";

    private final Map<String, Set<String>> superclasses = new HashMap<>();
    private final Map<String, Set<String>> domains = new HashMap<>();

    static SchemaOrgVocabulary load() {
        try {
            JsonNode graph = new ObjectMapper().readTree(SharedSchemas.dir().resolve("schemaorg/30.0/schemaorg-current-https.jsonld").toFile())
                    .path("@graph");
            return new SchemaOrgVocabulary(graph);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SchemaOrgVocabulary(JsonNode graph) {
        for (JsonNode term : graph) {
            String id = term.path("@id").asText();
            if (!id.startsWith(PREFIX)) {
                continue;
            }
            String name = id.substring(PREFIX.length());
            List<String> kinds = texts(term.path("@type"));
            if (kinds.contains("rdfs:Class")) {
                superclasses.put(name, new HashSet<>(ids(term.path("rdfs:subClassOf"))));
            }
            if (kinds.contains("rdf:Property")) {
                domains.put(name, new HashSet<>(ids(term.path("schema:domainIncludes"))));
            }
        }
    }

    /** Every type and property used in a JSON-LD document that the vocabulary does not define for that place. */
    List<String> violations(JsonNode document) {
        List<String> problems = new ArrayList<>();
        check(document, "$", problems);
        return problems;
    }

    private void check(JsonNode node, String path, List<String> problems) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "[" + i + "]", problems);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        String type = node.path("@type").asText(null);
        if (type != null && !superclasses.containsKey(type)) {
            problems.add(path + ": no type " + type);
        }
        node.fields().forEachRemaining(field -> {
            String property = field.getKey();
            if (property.startsWith("@")) {
                return;
            }
            if (!domains.containsKey(property)) {
                problems.add(path + ": no property " + property);
            } else if (type != null && superclasses.containsKey(type) && !usableOn(property, type)) {
                problems.add(path + ": " + property + " is not a property of " + type);
            }
            check(field.getValue(), path + "." + property, problems);
        });
    }

    private boolean usableOn(String property, String type) {
        Set<String> seen = new HashSet<>();
        List<String> pending = new ArrayList<>(List.of(type));
        while (!pending.isEmpty()) {
            String current = pending.remove(pending.size() - 1);
            if (domains.get(property).contains(current)) {
                return true;
            }
            if (seen.add(current)) {
                pending.addAll(superclasses.getOrDefault(current, Set.of()));
            }
        }
        return false;
    }

    private static List<String> ids(JsonNode references) {
        List<String> names = new ArrayList<>();
        for (JsonNode reference : references.isArray() ? references : List.of(references)) {
            String id = reference.path("@id").asText("");
            if (id.startsWith(PREFIX)) {
                names.add(id.substring(PREFIX.length()));
            }
        }
        return names;
    }

    private static List<String> texts(JsonNode value) {
        List<String> texts = new ArrayList<>();
        for (JsonNode item : value.isArray() ? value : List.of(value)) {
            texts.add(item.asText());
        }
        return texts;
    }
}
