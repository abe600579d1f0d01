package org.imagehub.analytics.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imagehub.platform.http.CsvTable;

/**
 * Whether corrections and withdrawals reached the consumers that had the story: per story language changed in the
 * range, how many of those consumers acknowledged (webhook) or re-fetched (API, sync, feed) the change within the
 * window, later, or not yet. A withdrawal not yet acknowledged is a copy that may still be live.
 */
@Schema(name = "CorrectionReachReport", requiredProperties = {"from", "to", "withinHours", "consumers", "reachedInTime", "withdrawnStillLive", "rows", "truncated"})
public record CorrectionReachReport(LocalDate from, LocalDate to, @Schema(example = "24") int withinHours,
        @Schema(description = "Consumer × change pairs in the report") long consumers, long reachedInTime,
        @Schema(description = "reachedInTime ÷ consumers; null with no consumer", nullable = true, example = "0.92") Double share,
        @Schema(description = "Withdrawals not yet acknowledged by a consumer that may have shown them") long withdrawnStillLive,
        @Schema(description = "Most recent change first (at most 500)") List<Row> rows, boolean truncated) implements CsvTable {

    @Schema(name = "CorrectionReachRow", requiredProperties = {"storyId", "lang", "kind", "changedAt", "consumers", "reachedInTime", "reachedLater", "notReached"})
    public record Row(String storyId, @Schema(example = "fr") String lang,
            @Schema(description = "correction (a new version of a published language), or why it was taken down", example = "correction") String kind,
            Instant changedAt, long consumers, long reachedInTime, long reachedLater, long notReached) {
    }

    @Override
    public Rows csv() {
        return new Rows(Row.class, rows);
    }
}
