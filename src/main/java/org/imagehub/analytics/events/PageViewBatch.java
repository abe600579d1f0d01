package org.imagehub.analytics.events;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Several page views in one request (a queue drained after being offline), or one. */
@Schema(name = "PageViewBatch", requiredProperties = {"events"})
public record PageViewBatch(@Schema(description = "1 to hub.analytics.max-batch (100) page views") List<PageViewInput> events) {
}
