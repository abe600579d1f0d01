package org.imagehub.delivery.receipts;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether one consumer has the current version (or has heard of the removal), and how. */
@Schema(name = "ConsumerReceipt")
public record ConsumerReceipt(@Schema(example = "cs_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") String consumerId, @Schema(example = "Embassy in France website") String name,
        @Schema(enumeration = {"reached", "pending", "failed"}) String status,
        @Schema(description = "webhook (acknowledged, or being tried), pull (read through the API or sync since publication)",
                enumeration = {"webhook", "pull"}) String via,
        @Schema(description = "When it was acknowledged or read (reads to the minute)") Instant at,
        @Schema(description = "The receiver's last HTTP status, for webhooks", example = "204") Integer httpStatus) {
}
