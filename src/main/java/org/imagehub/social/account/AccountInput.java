package org.imagehub.social.account;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A social account as an admin or approver gives it. */
@Schema(name = "SocialAccountInput", requiredProperties = {"network", "handle", "languages", "timeZone"})
public record AccountInput(
        @Schema(description = "A network of GET /api/v1/manage/social/networks", example = "x") String network,
        @Schema(example = "@VietnamInFrance", maxLength = 100) String handle,
        @Schema(example = "Ambassade du Vietnam en France", maxLength = 200) String displayName,
        @Schema(description = "Owning organisation; the caller's own when absent", example = "emb-fr") String organisation,
        @Schema(description = "BCP 47 tags it posts in", example = "[\"fr\"]") List<String> languages,
        @Schema(description = "IANA time zone its team plans in", example = "Europe/Paris") String timeZone,
        @Schema(description = "Id of the consumer (scope social:schedule) that posts for it", example = "cs_01jd8x6m3v9q2w7r5t4y1k0zpa") String schedulerConsumer,
        @Schema(description = "https address of a story on the account's site, with {lang}, {slug} or {id}",
                example = "https://ambassade-vietnam.fr/{lang}/actualites/{slug}", maxLength = 500) String storyUrlTemplate,
        @Schema(description = "Inactive accounts take no new posts", defaultValue = "true") Boolean active) {
}
