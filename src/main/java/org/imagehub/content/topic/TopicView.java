package org.imagehub.content.topic;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A topic as the API shows it: its code, labels per language, IPTC Media Topic and the version its ETag names. */
@Schema(requiredProperties = {"code", "labels", "version"})
public record TopicView(
        @Schema(example = "diplomacy") String code,
        @Schema(description = "Label by BCP 47 language tag", example = "{\"vi\": \"Ngoại giao\", \"en\": \"Diplomacy\"}") Map<String, String> labels,
        @Schema(description = "The IPTC Media Topic it maps to", example = "medtop:11000000") String iptcMediaTopic,
        @Schema(description = "Grows with every change; the topic's ETag names it", example = "1") long version) {
}
