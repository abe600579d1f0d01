package org.imagehub.analytics.criteria;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imagehub.platform.http.CsvTable;

/** An organisation's KPIs over one period: each value beside its target, scored, and the weighted overall score. */
@Schema(name = "Scorecard", requiredProperties = {"organisation", "period", "from", "to", "kpis"})
public record Scorecard(@Schema(example = "mofa") String organisation, @Schema(example = "2026-11") String period, LocalDate from, LocalDate to,
        @Schema(description = "Σ weight × score ÷ Σ weight over the KPIs with a score (0–1); null when none has one", nullable = true, example = "0.82")
        Double score,
        List<KpiScore> kpis) implements CsvTable {

    @Schema(name = "KpiScore", requiredProperties = {"id", "name", "measure", "unit", "target", "direction", "weight"})
    public record KpiScore(String id, String name, String measure, @Schema(enumeration = {"events", "share", "hours"}) String unit,
            @Schema(description = "Null when the period has nothing to measure (no translation, no correction, no impression)", nullable = true)
            Double value, double target, @Schema(enumeration = {"higher-is-better", "lower-is-better"}) String direction,
            @Schema(description = "0–1: how well the value meets the target", nullable = true) Double score, double weight) {
    }

    @Override
    public Rows csv() {
        return new Rows(KpiScore.class, kpis);
    }
}
