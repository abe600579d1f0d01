package org.imagehub.media.video;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client says before a direct upload; checked again against the bytes when it completes. */
@Schema(requiredProperties = {"contentType", "bytes"})
public record UploadStart(
        @Schema(enumeration = {"video/mp4", "video/quicktime"}, example = "video/mp4") String contentType,
        @Schema(description = "The file's size; decides the number of parts", example = "734003200") Long bytes,
        @Schema(description = "For people only (never a storage key)", example = "hoi-an-lanterns.mp4") String filename) {
}
