package org.imagehub.analytics.report;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imagehub.platform.http.CsvTable;

/** The stories with the most events in the range, most first. */
@Schema(name = "TopStoriesReport", requiredProperties = {"from", "to", "rows"})
public record TopStoriesReport(LocalDate from, LocalDate to, List<Row> rows) implements CsvTable {

    @Schema(name = "TopStoryRow", requiredProperties = {"rank", "storyId", "organisation", "events", "clicks"})
    public record Row(int rank, @Schema(example = "st_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") String storyId, @Schema(example = "mofa") String organisation,
            @Schema(description = "In the story's original language", nullable = true) String title, long events, long clicks) {
    }

    @Override
    public Rows csv() {
        return new Rows(Row.class, rows);
    }
}
