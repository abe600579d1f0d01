package org.imagehub.analytics.events;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page view as the beacon sends it. */
@Schema(name = "PageView", requiredProperties = {"id", "storyId", "lang", "url"})
public record PageViewInput(
        @Schema(description = "Made by the page, unique per view: a resend is counted once", example = "pv-6f1c2a8e4b3d41d0", maxLength = 64) String id,
        @Schema(example = "st_01jd8x6m3v9q2w7r5t4y1k0zpa") String storyId,
        @Schema(example = "fr") String lang,
        @Schema(description = "The page's address, on an origin of the key's site (only its path is kept)",
                example = "https://ambassade-vietnam.fr/fr/actualites/cooperation") String url,
        @Schema(description = "When the page was viewed; now when absent (at most hub.analytics.late-events late, not in the future)") Instant at) {
}
