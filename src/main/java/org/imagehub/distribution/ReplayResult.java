package org.imagehub.distribution;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "How many parked events were put back in their handler's queue, due now with their attempts reset")
public record ReplayResult(@Schema(example = "3") int replayed) {
}
