package org.imagehub.social.post;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One picture or video a post carries: the file picked for its network (a rendition of the right size, or the video). */
@Schema(name = "SocialPostMedia", requiredProperties = {"assetId", "kind", "mediaType", "url"})
public record PostMedia(
        @Schema(example = "01jd8x6m3v9q2w7r5t4y1k0zpa") String assetId,
        @Schema(enumeration = {"image", "video"}) String kind,
        @Schema(description = "Which file of the asset", example = "large") String file,
        @Schema(example = "image/jpeg") String mediaType,
        Integer width,
        Integer height,
        long bytes,
        @Schema(example = "https://hub.example.org/api/v1/media/01jd8x6m3v9q2w7r5t4y1k0zpa/large-3fa2c1d9e0ab4c11.jpg") String url,
        @Schema(description = "Alt text in the post's language") String altText,
        @Schema(example = "Photo: VNA") String credit) {
}
