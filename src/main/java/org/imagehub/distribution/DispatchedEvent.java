package org.imagehub.distribution;

import java.time.Instant;

/**
 * One event as a handler receives it. {@code position} numbers the events of one aggregate in commit order
 * (1, 2, 3… without gaps); {@code attempt} is 1 on the first delivery to this handler.
 */
public record DispatchedEvent(long id, String type, String aggregateType, String aggregateId, long position, String payloadJson,
        Instant createdAt, int attempt) {
}
