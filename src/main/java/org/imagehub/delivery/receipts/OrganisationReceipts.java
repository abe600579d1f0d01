package org.imagehub.delivery.receipts;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An organisation's delivery receipts over its stories published, corrected or taken down since a time. */
@Schema(name = "OrganisationReceipts")
public record OrganisationReceipts(@Schema(example = "mofa") String organisation, Instant since,
        @Schema(description = "Stories counted (the most recently changed first)", example = "12") int stories,
        @Schema(description = "More stories changed than the report counts: narrow since") boolean truncated,
        DeliveryReceipts.Summary summary, List<ConsumerTotals> consumers) {

    /** One consumer's counts over the report's story languages. */
    @Schema(name = "ConsumerReceiptTotals")
    public record ConsumerTotals(@Schema(example = "cs_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") String consumerId, String name, DeliveryReceipts.Summary summary) {
    }
}
