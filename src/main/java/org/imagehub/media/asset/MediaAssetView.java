package org.imagehub.media.asset;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An asset as the media library shows it. */
@Schema(requiredProperties = {"id", "organisation", "kind", "mediaType", "bytes", "sha256", "focalPoint", "texts", "renditions", "files",
        "original", "version", "createdAt", "updatedAt"})
public record MediaAssetView(
        @Schema(example = "01jd8x6m3v9q2w7r5t4y1k0zpa") String id,
        @Schema(example = "mofa") String organisation,
        @Schema(enumeration = {"image", "video", "document"}, example = "image") String kind,
        @Schema(description = "Read from the bytes", example = "image/jpeg") String mediaType,
        @Schema(description = "Size of the upload", example = "2482113") long bytes,
        @Schema(example = "4000") Integer width,
        @Schema(example = "3000") Integer height,
        @Schema(description = "Videos: duration in milliseconds, read from the container", example = "93480") Long durationMs,
        @Schema(description = "SHA-256 of the uploaded bytes: the same file uploaded again is this asset",
                example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256,
        @Schema(description = "The uploaded file's name, for people only (never a storage key)", example = "ha-long.jpg") String filename,
        @Schema(example = "Photo: Nguyễn Văn A / VNA") String credit,
        @Schema(example = "CC BY 4.0") String licence,
        @Schema(example = "© 2026 Vietnam News Agency") String copyright,
        @Schema(description = "Videos: the image asset shown as the video's poster", example = "01jd8x6m3v9q2w7r5t4y1k0zpb") String posterId,
        FocalPoint focalPoint,
        @Schema(description = "Caption and alt text by BCP 47 language tag") Map<String, LocalizedText> texts,
        @Schema(description = "Whether the renditions are made", enumeration = {"pending", "ready", "failed"}, example = "ready") String renditions,
        @Schema(description = "The renditions, each in the original's format and in WebP (empty until ready)") List<MediaFileView> files,
        @Schema(description = "The stored original (EXIF, XMP and IPTC removed)") MediaFileView original,
        @Schema(description = "Grows with every change; the asset's ETag names it", example = "1") long version,
        Instant createdAt,
        Instant updatedAt) {
}
