package org.imagehub.content.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;

/** One declared content type: its document as served, and the compiled schemas of its two field sets. */
public record ContentType(String type, JsonNode document, Schema storyFields, Schema localizationFields) {
}
