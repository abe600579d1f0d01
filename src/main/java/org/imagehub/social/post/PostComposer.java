package org.imagehub.social.post;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.imagehub.delivery.DeliveredMedia;
import org.imagehub.delivery.DeliveredStory;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.social.account.SocialAccount;
import org.imagehub.social.account.SocialAccounts;
import org.imagehub.social.network.LinkHandling;
import org.imagehub.social.network.NetworkRules;
import org.imagehub.social.network.MediaItem;
import org.imagehub.social.network.PostDraft;
import org.imagehub.social.network.PostRules;
import org.imagehub.social.network.PostText;
import org.imagehub.social.network.RuleViolation;
import org.imagehub.social.network.TextLength;

/**
 * Turns an editor's words into the post a network gets: the media files picked for the network, the tracked link, the
 * final text, and the network's verdict on all of it.
 */
final class PostComposer {
    private PostComposer() {
    }

    /** The post as composed, with the rules it breaks (empty when it may go out). */
    record Composition(String finalText, int counted, int allowed, List<PostMedia> media, String linkUrl, String linkTarget,
            List<FieldError> violations) {
    }

    static Composition compose(NetworkRules rules, SocialAccount account, DeliveredStory story, String text, List<String> hashtags,
            List<PostMedia> media, String linkMode, String shortUrl, String campaign, String postId) {
        String target = target(account, story, rules.network(), campaign, postId);
        String linkUrl = switch (linkMode) {
            case "short" -> shortUrl;
            case "site" -> target;
            default -> null;
        };
        String finalText = PostText.compose(text, hashtags, rules.links().handling() == LinkHandling.NONE ? null : linkUrl, rules);
        PostDraft draft = PostDraft.of(finalText, media.stream()
                .map(one -> new MediaItem(one.mediaType(), one.width() == null ? 0 : one.width(), one.height() == null ? 0 : one.height(), one.bytes()))
                .toList());
        List<FieldError> violations = new ArrayList<>();
        // The text keeps only as many hashtags as the network takes: more given is a broken rule, not a silent cut.
        if (rules.hashtags().exceededBy(hashtags.size())) {
            violations.add(new FieldError("hashtags", rules.network() + ".hashtags.too-many", "at most " + rules.hashtags().max() + " on "
                    + rules.name(), (long) hashtags.size(), (long) rules.hashtags().max()));
        }
        for (RuleViolation violation : PostRules.check(rules, draft)) {
            violations.add(new FieldError(violation.field(), violation.code(), violation.message(), violation.counted(), violation.allowed()));
        }
        return new Composition(finalText, TextLength.count(finalText, rules.text().counting()), rules.text().maxLength(!media.isEmpty()), media,
                linkUrl, target, violations);
    }

    /** Where the link leads: the story on the account's site when it has one, else the hub's own address of it; UTM-tagged. */
    static String target(SocialAccount account, DeliveredStory story, String network, String campaign, String postId) {
        String page = account.storyUrlTemplate != null
                ? SocialAccounts.storyUrl(account.storyUrlTemplate, story.lang(), story.slug(), story.id())
                : story.url();
        return page + (page.contains("?") ? "&" : "?") + "utm_source=" + encode(network) + "&utm_medium=social&utm_campaign="
                + encode(campaign) + "&utm_content=" + encode(postId);
    }

    /**
     * The file of each chosen asset to send: for an image the smallest rendition at least as wide as the network
     * prefers (else the widest), of a type and size it takes; for a video the video itself.
     */
    static List<PostMedia> pick(NetworkRules rules, DeliveredStory story, List<String> assetIds, List<FieldError> errors) {
        List<PostMedia> picked = new ArrayList<>();
        for (int i = 0; i < assetIds.size(); i++) {
            String assetId = assetIds.get(i);
            Optional<DeliveredMedia> asset = story.media().stream().filter(one -> one.assetId().equals(assetId)).findFirst();
            if (asset.isEmpty() || asset.get().isDocument()) {
                errors.add(new FieldError("media[" + i + "]", "not-in-story", "not an image or video of the story in " + story.lang()));
                continue;
            }
            DeliveredMedia one = asset.get();
            Optional<DeliveredMedia.File> file = one.isVideo() ? Optional.ofNullable(one.original()) : bestImage(rules, one);
            if (file.isEmpty()) {
                errors.add(new FieldError("media[" + i + "]", rules.network() + ".media.type-not-allowed",
                        "no file of this asset is of a type " + rules.network() + " takes (" + rules.media().types() + ")"));
                continue;
            }
            DeliveredMedia.File chosen = file.get();
            picked.add(new PostMedia(one.assetId(), one.kind(), chosen.name(), chosen.mediaType(), chosen.width(), chosen.height(),
                    chosen.bytes(), chosen.url(), one.altText(), one.credit()));
        }
        return picked;
    }

    /**
     * Among the image's files of a type, size and shape the network takes, the smallest at least as wide as it prefers,
     * else the widest: so Instagram gets the square crop of a panorama rather than a refusal, and X the large rendition.
     */
    private static Optional<DeliveredMedia.File> bestImage(NetworkRules rules, DeliveredMedia image) {
        List<DeliveredMedia.File> files = new ArrayList<>(image.renditions());
        if (image.original() != null) {
            files.add(image.original());
        }
        NetworkRules.MediaRule media = rules.media();
        long maxBytes = media.maxImageBytes() == null ? Long.MAX_VALUE : media.maxImageBytes();
        int preferred = media.preferredWidth() == null ? 1200 : media.preferredWidth();
        List<DeliveredMedia.File> usable = files.stream()
                .filter(file -> media.types().contains(file.mediaType()) && file.bytes() <= maxBytes && file.width() != null && file.height() != null)
                .filter(file -> shapeAllowed(media, (double) file.width() / file.height()))
                .toList();
        return usable.stream().filter(file -> file.width() >= preferred).min(Comparator.comparingInt(DeliveredMedia.File::width))
                .or(() -> usable.stream().max(Comparator.comparingInt(DeliveredMedia.File::width)));
    }

    private static boolean shapeAllowed(NetworkRules.MediaRule media, double ratio) {
        return (media.minAspectRatio() == null || ratio >= media.minAspectRatio()) && (media.maxAspectRatio() == null || ratio <= media.maxAspectRatio());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
