package org.imagehub.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An event a handler gave up on after hub.outbox.max-attempts failures, with its last error")
public record ParkedEventView(
        @Schema(description = "The handler that failed it", example = "search") String handler,
        @Schema(description = "The event's id", example = "1200") long eventId,
        @Schema(example = "localization.published") String eventType,
        @Schema(example = "story") String aggregateType,
        @Schema(example = "st_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") String aggregateId,
        @Schema(description = "The event's place among its aggregate's events, in commit order", example = "4") long position,
        @Schema(description = "Failed deliveries so far", example = "10") int attempts,
        @Schema(description = "The last failure, as the handler reported it") String lastError,
        Instant createdAt,
        Instant parkedAt,
        @Schema(description = "The event's payload") JsonNode payload) {
}
