package org.imagehub.social.network;

import java.util.List;

/**
 * The posting rules of one social network, as declared in its file under {@code social-networks/}. A null
 * limit means the network sets none.
 */
public record NetworkRules(
        String network,
        String name,
        TextRule text,
        CountLimit hashtags,
        CountLimit mentions,
        MediaRule media,
        LinkRule links,
        List<String> sources,
        String notes) {

    public NetworkRules {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** Length limit of the text; some networks allow less when media is attached (a caption). */
    public record TextRule(int maxLength, Integer maxLengthWithMedia, LengthCounting counting) {
        public int maxLength(boolean withMedia) {
            return withMedia && maxLengthWithMedia != null ? maxLengthWithMedia : maxLength;
        }
    }

    /** A maximum number of items (hashtags, mentions); null = no limit. */
    public record CountLimit(Integer max) {
        public boolean exceededBy(int count) {
            return max != null && count > max;
        }
    }

    /** What media a post may or must carry. Aspect ratios (width / height) apply to images. */
    public record MediaRule(
            boolean required,
            int maxCount,
            List<String> types,
            Long maxImageBytes,
            Long maxVideoBytes,
            Double minAspectRatio,
            Double maxAspectRatio,
            Integer preferredWidth) {

        public MediaRule {
            types = types == null ? List.of() : List.copyOf(types);
        }
    }

    /** How the story's link travels with the post. */
    public record LinkRule(LinkHandling handling) {
    }
}
