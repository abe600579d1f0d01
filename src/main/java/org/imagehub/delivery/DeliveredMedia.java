package org.imagehub.delivery;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An image or video of a delivered story, as consumers get it: its files, and what to say about it in the language served. */
@Schema(requiredProperties = {"assetId", "role", "kind", "mediaType", "renditions"})
public record DeliveredMedia(
        @Schema(example = "01jd8x6m3v9q2w7r5t4y1k0zpa") String assetId,
        @Schema(enumeration = {"lead", "gallery", "video", "infographic", "inline", "document"}, example = "lead") String role,
        @Schema(enumeration = {"image", "video", "document"}, example = "image") String kind,
        @Schema(example = "image/jpeg") String mediaType,
        @Schema(example = "4000") Integer width,
        @Schema(example = "3000") Integer height,
        @Schema(description = "Videos: duration in milliseconds, read from the container", example = "93480") Long durationMs,
        @Schema(description = "In the language served", example = "La baie d'Hạ Long à l'aube") String caption,
        @Schema(description = "In the language served", example = "Des îles calcaires sur une eau verte") String altText,
        @Schema(example = "Photo: VNA") String credit,
        @Schema(example = "CC BY 4.0") String licence,
        @Schema(example = "© 2026 VNA") String copyright,
        @Schema(description = "When the file was uploaded") Instant uploadedAt,
        @Schema(description = "The original (metadata removed); for a video, the video file") File original,
        @Schema(description = "Every rendition, in the original's format and WebP (empty while they are made; none for videos)") List<File> renditions,
        @Schema(description = "Videos: the poster image the editor chose, with its renditions") Poster poster) {

    /** One file, at a content-addressed URL of this hub. */
    @Schema(requiredProperties = {"name", "mediaType", "url"})
    public record File(@Schema(example = "medium") String name, @Schema(example = "image/webp") String mediaType, Integer width, Integer height,
            long bytes, @Schema(example = "/api/v1/media/01jd8x6m3v9q2w7r5t4y1k0zpa/medium-3fa2c1d9e0ab4c11.webp") String url) {
        File withBaseUrl(String baseUrl) {
            return new File(name, mediaType, width, height, bytes, baseUrl + url);
        }
    }

    /** A video's poster: an image asset of its own, public while the video is. */
    @Schema(requiredProperties = {"assetId", "renditions"})
    public record Poster(@Schema(example = "01jd8x6m3v9q2w7r5t4y1k0zpb") String assetId, File original, List<File> renditions) {
        Poster withBaseUrl(String baseUrl) {
            return new Poster(assetId, original == null ? null : original.withBaseUrl(baseUrl),
                    renditions.stream().map(file -> file.withBaseUrl(baseUrl)).toList());
        }

        /** The picture a page or feed shows for the video: the large rendition in the original's format, else the original. */
        public File display() {
            return renditions.stream().filter(file -> file.name().equals("large") && !file.mediaType().equals("image/webp")).findFirst()
                    .orElse(original);
        }
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isVideo() {
        return "video".equals(kind);
    }

    /** A document (PDF): an attachment in feeds, neither a picture nor a video in ninjs and JSON-LD. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isDocument() {
        return "document".equals(kind);
    }

    /**
     * The file a feed or a page shows: the large rendition in the original's format, else the original; for a video,
     * the video itself.
     */
    public File display() {
        return renditions.stream().filter(file -> file.name().equals("large") && !file.mediaType().equals("image/webp")).findFirst()
                .orElse(original);
    }

    public DeliveredMedia withBaseUrl(String baseUrl) {
        return new DeliveredMedia(assetId, role, kind, mediaType, width, height, durationMs, caption, altText, credit, licence, copyright,
                uploadedAt, original == null ? null : original.withBaseUrl(baseUrl),
                renditions.stream().map(file -> file.withBaseUrl(baseUrl)).toList(), poster == null ? null : poster.withBaseUrl(baseUrl));
    }
}
