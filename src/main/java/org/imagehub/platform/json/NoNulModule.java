package org.imagehub.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Refuses NUL in every string Jackson reads: typed fields and collections of strings (and untyped values, which
 * use the String deserializer too), map keys, and free-form trees such as a story's {@code fields}.
 */
final class NoNulModule extends SimpleModule {
    NoNulModule() {
        super("no-nul");
        addDeserializer(String.class, new Strings());
        addKeyDeserializer(String.class, new Keys());
        addDeserializer(JsonNode.class, new Trees());
    }

    private static String checked(String value, JsonParser parser) throws NulCharacterException {
        if (value != null && value.indexOf('\0') >= 0) {
            throw new NulCharacterException(parser);
        }
        return value;
    }

    private static final class Strings extends StdScalarDeserializer<String> {
        Strings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return checked(StringDeserializer.instance.deserialize(parser, context), parser);
        }
    }

    private static final class Keys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            return checked(key, context.getParser());
        }
    }

    private static final class Trees extends StdScalarDeserializer<JsonNode> {
        Trees() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode tree = JsonNodeDeserializer.getDeserializer(JsonNode.class).deserialize(parser, context);
            check(tree, parser);
            return tree;
        }

        /** An explicit {@code null} is a NullNode, as with Jackson's own tree deserializer. */
        @Override
        public JsonNode getNullValue(DeserializationContext context) {
            return NullNode.getInstance();
        }

        /** An absent field stays Java null, as with Jackson's own tree deserializer (not a NullNode). */
        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return null;
        }

        /** Depth-first; the path inside the tree is added on the way out, so the error names e.g. {@code fields.a[2]}. */
        private static void check(JsonNode node, JsonParser parser) throws NulCharacterException {
            if (node.isTextual()) {
                checked(node.textValue(), parser);
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    try {
                        check(node.get(i), parser);
                    } catch (NulCharacterException e) {
                        e.prependPath(node, i);
                        throw e;
                    }
                }
            } else if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    try {
                        checked(field.getKey(), parser);
                        check(field.getValue(), parser);
                    } catch (NulCharacterException e) {
                        e.prependPath(node, field.getKey());
                        throw e;
                    }
                }
            }
        }
    }
}
