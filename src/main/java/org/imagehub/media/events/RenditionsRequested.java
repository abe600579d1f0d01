package org.imagehub.media.events;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.imagehub.platform.events.ChangeMeta;

/** Renditions still pending long after they were asked for (storage was down, say) are asked for again. */
public record RenditionsRequested(@JsonUnwrapped ChangeMeta meta, String assetId) implements MediaEvent {
    public static final String TYPE = "media.asset.renditions-requested";

    @Override
    public String eventType() {
        return TYPE;
    }
}
