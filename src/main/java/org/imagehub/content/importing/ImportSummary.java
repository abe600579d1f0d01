package org.imagehub.content.importing;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The last line of an import's answer: how many lines were created, updated, unchanged or failed, and, when the
 * import stopped before the end of the body, after which line and why.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ImportTotals", requiredProperties = "totals")
public record ImportSummary(Totals totals, @Schema(description = "Only when the import stopped before the end of the body") Stopped stopped) {
    @Schema(name = "ImportCounts", requiredProperties = {"created", "updated", "unchanged", "failed"})
    public record Totals(int created, int updated, int unchanged, int failed) {
    }

    @Schema(name = "ImportStopped", requiredProperties = {"afterLine", "detail"})
    public record Stopped(int afterLine, String detail) {
    }

    /** Counts results as they are handed out. */
    static final class Counter {
        private int created;
        private int updated;
        private int unchanged;
        private int failed;

        void count(ImportResult result) {
            switch (result.status()) {
                case "created" -> created++;
                case "updated" -> updated++;
                case "unchanged" -> unchanged++;
                default -> failed++;
            }
        }

        int failed() {
            return failed;
        }

        ImportSummary summary(Stopped stopped) {
            return new ImportSummary(new Totals(created, updated, unchanged, failed), stopped);
        }
    }
}
