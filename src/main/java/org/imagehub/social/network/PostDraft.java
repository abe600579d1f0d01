package org.imagehub.social.network;

import com.twitter.twittertext.Extractor;
import java.util.List;

/**
 * A post as it will be sent to one network: the final text, the hashtags and mentions found in it, and the
 * attached media. This is what {@link PostRules} checks.
 */
public record PostDraft(String text, List<String> hashtags, List<String> mentions, List<MediaItem> media) {

    public PostDraft {
        text = text == null ? "" : text;
        hashtags = hashtags == null ? List.of() : List.copyOf(hashtags);
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
        media = media == null ? List.of() : List.copyOf(media);
    }

    /** A draft whose hashtags and mentions are those twitter-text finds in the text (as the networks link them). */
    public static PostDraft of(String text, List<MediaItem> media) {
        Extractor extractor = new Extractor();
        String body = text == null ? "" : text;
        return new PostDraft(body, extractor.extractHashtags(body), extractor.extractMentionedScreennames(body), media);
    }
}
