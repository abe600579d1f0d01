package org.imagehub.analytics.criteria;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An organisation's criteria: the KPIs its work is scored by, over periods of one kind. */
@Schema(name = "CriteriaSet", requiredProperties = {"organisation", "period", "kpis", "version", "updatedBy", "updatedAt"})
public record CriteriaSet(@Schema(example = "mofa") String organisation, @Schema(enumeration = {"week", "month", "quarter"}) String period,
        List<Kpi> kpis, long version, String updatedBy, Instant updatedAt) {
}
