package org.imagehub.social.network;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a post against one network's rules before it is sent, so an editor sees every problem at once and in
 * the network's own terms, instead of one refusal from the network at publishing time.
 */
public final class PostRules {
    /** Ratios are rounded by whoever resized the image (1080 × 566 is 1.908 for "1.91:1"). */
    private static final double RATIO_TOLERANCE = 0.005;

    private PostRules() {
    }

    public static List<RuleViolation> check(NetworkRules rules, PostDraft post) {
        List<RuleViolation> violations = new ArrayList<>();
        checkText(rules, post, violations);
        checkCount(rules, "hashtags", post.hashtags().size(), rules.hashtags(), violations);
        checkCount(rules, "mentions", post.mentions().size(), rules.mentions(), violations);
        checkMedia(rules, post.media(), violations);
        return violations;
    }

    private static void checkText(NetworkRules rules, PostDraft post, List<RuleViolation> violations) {
        boolean withMedia = !post.media().isEmpty();
        int allowed = rules.text().maxLength(withMedia);
        int counted = TextLength.count(post.text(), rules.text().counting());
        if (counted > allowed) {
            violations.add(violation(rules, "text", "text.too-long",
                    String.format("%s allows %d (%s%s), the text counts %d", rules.name(), allowed,
                            unit(rules.text().counting()), withMedia ? ", with media" : "", counted),
                    counted, allowed));
        }
    }

    private static void checkCount(NetworkRules rules, String field, int counted, NetworkRules.CountLimit limit,
            List<RuleViolation> violations) {
        if (limit.exceededBy(counted)) {
            violations.add(violation(rules, field, field + ".too-many",
                    String.format("%s allows %d %s, the text has %d", rules.name(), limit.max(), field, counted),
                    counted, limit.max()));
        }
    }

    private static void checkMedia(NetworkRules rules, List<MediaItem> media, List<RuleViolation> violations) {
        NetworkRules.MediaRule rule = rules.media();
        if (rule.required() && media.isEmpty()) {
            violations.add(violation(rules, "media", "media.required",
                    rules.name() + " needs an image or a video", null, null));
        }
        if (media.size() > rule.maxCount()) {
            violations.add(violation(rules, "media", "media.too-many",
                    String.format("%s allows %d media items, the post has %d", rules.name(), rule.maxCount(),
                            media.size()),
                    media.size(), rule.maxCount()));
        }
        for (int i = 0; i < media.size(); i++) {
            checkItem(rules, "media[" + i + "]", media.get(i), violations);
        }
    }

    private static void checkItem(NetworkRules rules, String field, MediaItem item, List<RuleViolation> violations) {
        NetworkRules.MediaRule rule = rules.media();
        if (!rule.types().contains(item.mediaType())) {
            violations.add(violation(rules, field, "media.type-not-allowed",
                    String.format("%s does not take %s (it takes %s)", rules.name(), item.mediaType(),
                            String.join(", ", rule.types())),
                    null, null));
        }
        Long maxBytes = item.isImage() ? rule.maxImageBytes() : item.isVideo() ? rule.maxVideoBytes() : null;
        if (maxBytes != null && item.bytes() > maxBytes) {
            violations.add(violation(rules, field, "media.too-large",
                    String.format("%s takes files up to %d bytes, this one has %d", rules.name(), maxBytes,
                            item.bytes()),
                    item.bytes(), maxBytes));
        }
        Double ratio = item.aspectRatio();
        if (item.isImage() && ratio != null && outside(ratio, rule.minAspectRatio(), rule.maxAspectRatio())) {
            violations.add(violation(rules, field, "media.aspect-ratio",
                    String.format("%s takes images from %s to %s wide per unit of height, this one is %.3f (%d × %d)",
                            rules.name(), rule.minAspectRatio(), rule.maxAspectRatio(), ratio, item.width(),
                            item.height()),
                    null, null));
        }
    }

    private static boolean outside(double ratio, Double min, Double max) {
        return (min != null && ratio < min - RATIO_TOLERANCE) || (max != null && ratio > max + RATIO_TOLERANCE);
    }

    private static String unit(LengthCounting counting) {
        return switch (counting) {
            case TWITTER -> "weighted characters";
            case GRAPHEMES -> "characters (graphemes)";
            case UTF16 -> "UTF-16 units";
            case CODEPOINTS -> "characters (code points)";
            case UTF8_BYTES -> "bytes (UTF-8)";
        };
    }

    private static RuleViolation violation(NetworkRules rules, String field, String rule, String message,
            Number counted, Number allowed) {
        return new RuleViolation(field, rules.network() + "." + rule, message,
                counted == null ? null : counted.longValue(), allowed == null ? null : allowed.longValue());
    }
}
