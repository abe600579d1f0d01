package org.imagehub.content.topic;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imagehub.platform.http.ApiSchemas;

/** A topic of the taxonomy: a stable code, labels per language, optionally its IPTC Media Topic. */
@Schema(requiredProperties = "labels")
public record TopicInput(
        @Schema(description = "May repeat the path's code (which is checked)", example = "diplomacy") String code,
        @Schema(description = "Label by BCP 47 language tag, each 1 to 100 characters", minProperties = 1,
                example = "{\"vi\": \"Ngoại giao\", \"en\": \"Diplomacy\"}") Map<String, String> labels,
        @Schema(description = "The IPTC Media Topic it maps to", pattern = "^medtop:\\d{8}$", example = "medtop:11000000") String iptcMediaTopic) {
}
