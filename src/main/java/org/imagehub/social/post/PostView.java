package org.imagehub.social.post;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A post variant as the management API shows it. */
@Schema(name = "SocialPost", requiredProperties = {"id", "accountId", "network", "storyId", "lang", "state", "text", "finalText",
        "countedLength", "allowedLength", "version"})
public record PostView(
        String id,
        String accountId,
        @Schema(example = "x") String network,
        @Schema(example = "@VietnamInFrance") String handle,
        String storyId,
        @Schema(example = "fr") String lang,
        @Schema(enumeration = {"draft", "approved", "queued", "claimed", "posted", "failed", "cancelled", "takedown-requested", "taken-down"})
        String state,
        String text,
        List<String> hashtags,
        List<PostMedia> media,
        Link link,
        List<String> keyMessages,
        @Schema(description = "Exactly what the network gets: text, link and hashtags as the network wants them") String finalText,
        @Schema(description = "The final text's length as the network counts it", example = "121") int countedLength,
        @Schema(example = "280") int allowedLength,
        @Schema(description = "The instant it is due (UTC)") Instant scheduledAt,
        @Schema(description = "The same in the account's time zone", example = "2026-10-25T09:00:00+01:00[Europe/Paris]") String scheduledLocal,
        @Schema(example = "Europe/Paris") String timeZone,
        boolean breaking,
        String approvedBy,
        Instant approvedAt,
        @Schema(description = "While claimed: until when the scheduler's lease holds") Instant leaseUntil,
        int attempts,
        @Schema(description = "The network's id of the post, once posted") String externalId,
        String externalUrl,
        Instant postedAt,
        String failureReason,
        Boolean failureRetryable,
        @Schema(description = "Why it was cancelled or taken down", example = "story withdrawn") String stateReason,
        @Schema(description = "Clicks on its short link so far", example = "412") long clicks,
        String createdBy,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    /** The link the post carries and where it leads. */
    @Schema(name = "SocialPostLink", requiredProperties = {"mode"})
    public record Link(@Schema(enumeration = {"short", "site", "none"}) String mode,
            @Schema(description = "The address in the post", example = "https://hub.example.org/l/k3v9q2w7r5") String url,
            @Schema(description = "Where it leads, with UTM parameters",
                    example = "https://ambassade-vietnam.fr/fr/actualites/cooperation?utm_source=x&utm_medium=social&utm_campaign=km-reliable-partner&utm_content=01jd8x")
            String target) {
    }
}
