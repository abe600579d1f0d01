package org.imagehub.social.scheduler;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imagehub.social.post.PostMedia;

/** A post as a scheduler posts it: the final text, the files and the link, nothing left to compose. */
@Schema(name = "DuePost", requiredProperties = {"id", "accountId", "network", "handle", "storyId", "lang", "text", "media", "scheduledAt",
        "priority", "state", "version"})
public record DueItem(
        String id,
        String accountId,
        @Schema(example = "x") String network,
        @Schema(example = "@VietnamInFrance") String handle,
        String storyId,
        @Schema(example = "fr") String lang,
        @Schema(description = "Post exactly this: the words, the link and the hashtags as the network wants them") String text,
        @Schema(description = "Files to attach, in order, at absolute addresses") List<PostMedia> media,
        @Schema(description = "The link in the text or to attach (networks that show link previews); none when absent") String link,
        List<String> hashtags,
        List<String> keyMessages,
        @Schema(description = "When to post (UTC)") Instant scheduledAt,
        @Schema(example = "Europe/Paris") String timeZone,
        @Schema(enumeration = {"breaking", "normal"}) String priority,
        @Schema(description = "queued, or claimed when an earlier claim lapsed", enumeration = {"queued", "claimed"}) String state,
        int attempts,
        long version) {
}
