package org.imagehub.analytics.criteria;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CriteriaInput", requiredProperties = {"period", "kpis"})
public record CriteriaInput(@Schema(enumeration = {"week", "month", "quarter"}) String period, List<Kpi> kpis) {
}
