package org.imagehub.media.asset;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One downloadable file of an asset (its original or a rendition), at a content-addressed URL. */
@Schema(requiredProperties = {"name", "mediaType", "bytes", "url"})
public record MediaFileView(
        @Schema(description = "original, thumbnail, medium, large, social-landscape, social-square, social-story", example = "medium") String name,
        @Schema(example = "image/webp") String mediaType,
        @Schema(example = "800") Integer width,
        @Schema(example = "533") Integer height,
        @Schema(example = "48213") long bytes,
        @Schema(description = "Path of the file on this hub; the name carries the content hash, so it never changes meaning",
                example = "/api/v1/media/01jd8x6m3v9q2w7r5t4y1k0zpa/medium-3fa2c1d9e0ab4c11.webp") String url) {
}
