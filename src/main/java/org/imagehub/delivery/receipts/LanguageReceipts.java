package org.imagehub.delivery.receipts;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The receipts of one story language: its current version (live) or its removal. */
@Schema(name = "LanguageReceipts")
public record LanguageReceipts(@Schema(example = "fr") String lang,
        @Schema(enumeration = {"live", "withdrawn", "expired", "archived"}) String state,
        @Schema(description = "The delivered version (live languages)", example = "3") Long version,
        @Schema(description = "Since when this version is published, or the language removed") Instant since,
        DeliveryReceipts.Summary summary, List<ConsumerReceipt> consumers) {
}
