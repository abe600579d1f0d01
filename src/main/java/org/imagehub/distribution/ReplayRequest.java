package org.imagehub.distribution;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Which parked events to deliver again: all of them (empty body), a handler's, or a handler's range of event ids")
public record ReplayRequest(
        @Schema(description = "Only this handler's parked events", example = "search") String handler,
        @Schema(description = "From this event id (inclusive); needs handler", minimum = "1", example = "1000") Long fromEventId,
        @Schema(description = "Up to this event id (inclusive); needs handler", minimum = "1", example = "2000") Long toEventId) {
}
