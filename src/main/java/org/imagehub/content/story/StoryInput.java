package org.imagehub.content.story;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imagehub.platform.http.ApiSchemas;

/**
 * A story as editors send it. On create it may carry its first localizations; on update (PUT) it carries the
 * story's own attributes only, and localizations are saved one language at a time. {@code reason} says why the
 * attributes change (kept with the attribute revision; required to move the embargo or expiry of a live story).
 */
@Schema(requiredProperties = "type")
public record StoryInput(
        @Schema(description = "The story's id in the system it comes from; unique per organisation", maxLength = StoryLimits.EXTERNAL_ID,
                example = "cms-42") String externalId,
        @Schema(description = "A content type of GET /api/v1/content-model", pattern = ApiSchemas.CODE, example = "article") String type,
        @Schema(description = "Owning organisation (default: the writer's own)", maxLength = StoryLimits.ORGANISATION, example = "mofa")
        String organisation,
        @Schema(enumeration = {"normal", "breaking"}, defaultValue = "normal") String priority,
        @Schema(type = SchemaType.ARRAY, implementation = ApiSchemas.Code.class, maxItems = StoryLimits.TOPICS)
        List<String> topics,
        @Schema(type = SchemaType.ARRAY, implementation = ApiSchemas.CountryCode.class, maxItems = StoryLimits.COUNTRIES) List<String> countries,
        @Schema(maxItems = StoryLimits.TAGS, description = "Free words, each at most " + StoryLimits.TAG + " characters", example = "[\"trade\"]")
        List<String> tags,
        @Schema(type = SchemaType.ARRAY, implementation = ApiSchemas.Code.class, maxItems = StoryLimits.KEY_MESSAGES) List<String> keyMessages,
        RightsInput rights,
        @Schema(description = "The type's story fields, validated against the content model") JsonNode fields,
        @Schema(description = "Not delivered before this instant") Instant embargoUntil,
        @Schema(description = "Taken down at this instant; after embargoUntil") Instant expiresAt,
        @Schema(description = "Create only: the first localizations, one per language", maxItems = StoryLimits.LOCALIZATIONS)
        List<LocalizationInput> localizations,
        @Schema(description = "Why the attributes change (needed to move the embargo or expiry of a live story)", maxLength = StoryLimits.REASON)
        String reason) {
}
