package org.imagehub.content.keymessage;

import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imagehub.platform.http.ApiSchemas;

/** A key message as editors send it: the text in each language and the window in which it is to be carried. */
@Schema(requiredProperties = "translations")
public record KeyMessageInput(
        @Schema(description = "Required on create; on update, when given, it must equal the path's code", pattern = ApiSchemas.CODE, maxLength = 80,
                example = "open-economy") String code,
        @Schema(description = "Owning organisation (default: the writer's own)", maxLength = 80, example = "mofa") String owner,
        @Schema(description = "In force from (default: at once)") Instant validFrom,
        @Schema(description = "In force until (default: open-ended); after validFrom") Instant validUntil,
        @Schema(description = "The text by BCP 47 language tag, each 1 to " + KeyMessageService.MAX_TEXT + " characters", minProperties = 1,
                example = "{\"vi\": \"Một nền kinh tế mở\", \"fr\": \"Une économie ouverte\"}") Map<String, String> translations) {
}
