package org.imagehub.console.stories;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The form inputs of a content type's fields, made from its JSON Schema and display hints in {@code content-model/}:
 * adding a field to a type file adds its input here, with no Java or template change. Values typed into the form are
 * turned back into JSON by the schema's types; the content model then validates them as it does for the API.
 */
public final class ModelFields {
    /** One input: {@code input} is the HTML control (text, url, textarea, number, checkbox, select, json). */
    public record Field(String name, String label, String input, boolean required, Integer maxLength, List<String> options, String value,
            String error) {
    }

    private ModelFields() {
    }

    /** The inputs of {@code schema}'s properties in the display order (then the rest), filled from {@code values}. */
    public static List<Field> of(JsonNode schema, JsonNode display, JsonNode values, Map<String, String> errors, String prefix) {
        JsonNode properties = schema.path("properties");
        Set<String> names = new LinkedHashSet<>();
        display.path("order").forEach(name -> {
            if (properties.has(name.asText())) {
                names.add(name.asText());
            }
        });
        properties.fieldNames().forEachRemaining(names::add);
        Set<String> required = new LinkedHashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        List<Field> fields = new ArrayList<>();
        for (String name : names) {
            JsonNode property = properties.get(name);
            JsonNode value = values == null ? null : values.get(name);
            fields.add(new Field(name, label(name, property), input(property, display.path("widgets").path(name).asText("")), required.contains(name),
                    property.has("maxLength") ? property.get("maxLength").asInt() : null, options(property), text(value),
                    errors.get(prefix + "." + name)));
        }
        return fields;
    }

    /** The form's {@code field.<name>} values as the schema types them; blank inputs are left out. */
    public static ObjectNode parse(JsonNode schema, Map<String, String> form) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            String raw = form.get("field." + property.getKey());
            String type = property.getValue().path("type").asText("");
            if (type.equals("boolean")) {
                if (raw != null) {
                    result.put(property.getKey(), true);
                }
                continue;
            }
            if (raw == null || raw.isBlank()) {
                continue;
            }
            switch (type) {
                case "integer" -> putNumber(result, property.getKey(), raw, true);
                case "number" -> putNumber(result, property.getKey(), raw, false);
                case "string" -> result.put(property.getKey(), raw.strip());
                default -> result.set(property.getKey(), json(raw));
            }
        }
        return result;
    }

    private static void putNumber(ObjectNode result, String name, String raw, boolean integer) {
        try {
            if (integer) {
                result.put(name, Long.parseLong(raw.strip()));
            } else {
                result.put(name, new java.math.BigDecimal(raw.strip()));
            }
        } catch (NumberFormatException e) {
            // Kept as typed: the schema's type check names the field, as the API would.
            result.put(name, raw.strip());
        }
    }

    private static JsonNode json(String raw) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(raw);
        } catch (java.io.IOException e) {
            return JsonNodeFactory.instance.textNode(raw);
        }
    }

    private static String label(String name, JsonNode property) {
        if (property.hasNonNull("title")) {
            return property.get("title").asText();
        }
        StringBuilder label = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                label.append(' ').append(Character.toLowerCase(c));
            } else {
                label.append(label.isEmpty() ? Character.toUpperCase(c) : c);
            }
        }
        return label.toString();
    }

    private static String input(JsonNode property, String widget) {
        if (!widget.isEmpty()) {
            return switch (widget) {
                case "url", "textarea", "number", "checkbox", "select", "date" -> widget;
                default -> "text";
            };
        }
        if (property.has("enum")) {
            return "select";
        }
        return switch (property.path("type").asText("")) {
            case "string" -> property.path("maxLength").asInt(0) > 300 ? "textarea" : "text";
            case "integer", "number" -> "number";
            case "boolean" -> "checkbox";
            default -> "json";
        };
    }

    private static List<String> options(JsonNode property) {
        List<String> options = new ArrayList<>();
        property.path("enum").forEach(option -> options.add(option.asText()));
        return options;
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
