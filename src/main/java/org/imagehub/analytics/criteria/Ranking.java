package org.imagehub.analytics.criteria;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imagehub.platform.http.CsvTable;

/** Organisations ranked by their overall score for one period, each against its own criteria; unscored last. */
@Schema(name = "Ranking", requiredProperties = {"period", "from", "to", "rows"})
public record Ranking(@Schema(example = "2026-11") String period, LocalDate from, LocalDate to, List<Row> rows) implements CsvTable {

    @Schema(name = "RankingRow", requiredProperties = {"rank", "organisation", "name", "kpis", "scoredKpis"})
    public record Row(@Schema(description = "Equal scores share a rank") int rank, @Schema(example = "hue-province") String organisation, String name,
            @Schema(nullable = true, example = "0.82") Double score, int kpis, int scoredKpis) {
    }

    @Override
    public Rows csv() {
        return new Rows(Row.class, rows);
    }
}
