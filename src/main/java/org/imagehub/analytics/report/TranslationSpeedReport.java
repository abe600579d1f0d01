package org.imagehub.analytics.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imagehub.platform.http.CsvTable;

/**
 * How long translations took to follow their source: for each translation first published in the range, the hours
 * from the first publication of the language it was translated from to its own.
 */
@Schema(name = "TranslationSpeedReport", requiredProperties = {"from", "to", "translations", "buckets", "rows", "truncated"})
public record TranslationSpeedReport(LocalDate from, LocalDate to, long translations,
        @Schema(nullable = true, example = "16.0") Double medianHours, @Schema(nullable = true, example = "28.6") Double p90Hours,
        @Schema(description = "Translations by time taken: under 1 h, 1–6 h, 6–24 h, 24–72 h, over 72 h") List<Bucket> buckets,
        @Schema(description = "The translations, quickest first (at most 5,000)") List<Row> rows,
        @Schema(description = "True when there were more translations than rows") boolean truncated) implements CsvTable {

    @Schema(name = "SpeedBucket", requiredProperties = {"label", "translations"})
    public record Bucket(@Schema(example = "6-24h") String label, long translations) {
    }

    @Schema(name = "TranslationSpeedRow", requiredProperties = {"storyId", "sourceLang", "lang", "sourcePublishedAt", "publishedAt", "hours"})
    public record Row(String storyId, @Schema(example = "vi") String sourceLang, @Schema(example = "fr") String lang, Instant sourcePublishedAt,
            Instant publishedAt, @Schema(example = "16.5") double hours) {
    }

    @Override
    public Rows csv() {
        return new Rows(Row.class, rows);
    }
}
