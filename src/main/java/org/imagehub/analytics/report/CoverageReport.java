package org.imagehub.analytics.report;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imagehub.platform.http.CsvTable;

/**
 * Key messages × languages: how many stories carrying each key message are published in each language (first
 * published by the end of the range and still published now).
 */
@Schema(name = "CoverageReport", requiredProperties = {"to", "keyMessages", "rows"})
public record CoverageReport(LocalDate to, List<KeyMessage> keyMessages, List<Row> rows) implements CsvTable {

    @Schema(name = "KeyMessageCoverage", requiredProperties = {"code", "organisation", "languages"})
    public record KeyMessage(@Schema(example = "flood-response") String code, @Schema(example = "mofa") String organisation,
            @Schema(description = "Languages with at least one such story", example = "[\"en\", \"fr\", \"vi\"]") List<String> languages) {
    }

    @Schema(name = "CoverageRow", requiredProperties = {"keyMessage", "lang", "stories"})
    public record Row(@Schema(example = "flood-response") String keyMessage, @Schema(example = "fr") String lang, long stories) {
    }

    @Override
    public Rows csv() {
        return new Rows(Row.class, rows);
    }
}
