package org.imagehub.analytics.site;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A site: the consumer whose key its pages carry, and the origins it may send page views from. */
@Schema(name = "AnalyticsSite", requiredProperties = {"consumerId", "origins"})
public record SiteView(@Schema(example = "cs_01jd8x6m3v9q2w7r5t4y1k0zpa") String consumerId,
        @Schema(example = "[\"https://ambassade-vietnam.fr\"]") List<String> origins, String updatedBy, Instant updatedAt) {
}
