package org.imagehub.distribution;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What a handler still owes, as last read (every hub.outbox.stats-interval)")
public record HandlerStatusView(
        @Schema(example = "search") String name,
        @Schema(description = "Events waiting for it (parked excluded)", example = "0") long pending,
        @Schema(description = "Events parked for it", example = "0") long parked,
        @Schema(description = "Age of its oldest pending event, in seconds (0 when none)", example = "0") long oldestPendingAgeSeconds) {
}
