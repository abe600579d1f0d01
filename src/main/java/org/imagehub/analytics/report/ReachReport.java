package org.imagehub.analytics.report;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imagehub.platform.http.CsvTable;

/** Usage over time, per period and channel. */
@Schema(name = "ReachReport", requiredProperties = {"from", "to", "granularity", "events", "clicks", "rows"})
public record ReachReport(LocalDate from, LocalDate to, @Schema(enumeration = {"day", "week", "month"}) String granularity,
        @Schema(description = "All events in the range: page views, reads, sync pickups, feed fetches, acknowledged webhooks, "
                + "social impressions and short-link clicks") long events,
        @Schema(description = "Clicks reported by social networks and clicks on the hub's short links") long clicks,
        List<Row> rows) implements CsvTable {

    /** One period's figures on one channel. */
    @Schema(name = "ReachRow", requiredProperties = {"period", "channel", "events", "visitors", "clicks"})
    public record Row(@Schema(description = "First day of the period") LocalDate period, @Schema(example = "page-view") String channel, long events,
            @Schema(description = "Page views: distinct visitors per story and day, added up") long visitors, long clicks) {
    }

    @Override
    public Rows csv() {
        return new Rows(Row.class, rows);
    }
}
