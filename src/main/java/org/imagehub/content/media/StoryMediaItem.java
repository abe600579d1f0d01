package org.imagehub.content.media;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An asset a story uses. */
@Schema(requiredProperties = {"assetId", "role"})
public record StoryMediaItem(
        @Schema(description = "A media library asset's id", example = "01jd8x6m3v9q2w7r5t4y1k0zpa") String assetId,
        @Schema(enumeration = {"lead", "gallery", "video", "infographic", "inline", "document"}, example = "lead") String role,
        @Schema(description = "Only for this language (an infographic's image per language); absent: every language",
                example = "fr") String lang) {
}
