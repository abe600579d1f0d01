package org.imagehub.social.post;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A post variant as an editor writes it. On PUT every field is given again (absent lists mean empty). */
@Schema(name = "SocialPostInput", requiredProperties = {"storyId", "lang", "accountId", "text"})
public record PostInput(
        @Schema(example = "st_01jd8x6m3v9q2w7r5t4y1k0zpa") String storyId,
        @Schema(description = "One of the account's languages; the story must be published in it", example = "fr") String lang,
        @Schema(example = "01jd8x6m3v9q2w7r5t4y1k0zpb") String accountId,
        @Schema(description = "The post's own words, without link and hashtags (those are added as the network wants them)",
                example = "Le Vietnam et la France renforcent leur coopération.", maxLength = 70000) String text,
        @Schema(description = "Without '#'", example = "[\"Vietnam\", \"France\"]") List<String> hashtags,
        @Schema(description = "Asset ids among the story's media in this language, in order") List<String> media,
        @Schema(description = "short: the hub's /l/{code} (counts clicks); site: the story on the account's site; none",
                enumeration = {"short", "site", "none"}, defaultValue = "short") String linkMode,
        @Schema(description = "Key message codes it carries; the story's when absent", example = "[\"km-reliable-partner\"]") List<String> keyMessages,
        @Schema(description = "When to post: a local date-time read in the account's time zone (2026-10-25T09:00), or an instant with an offset",
                example = "2026-10-25T09:00") String scheduledAt) {
}
