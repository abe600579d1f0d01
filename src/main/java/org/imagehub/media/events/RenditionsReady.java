package org.imagehub.media.events;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.imagehub.platform.events.ChangeMeta;

/** An asset's renditions are made (or made again): stories showing it now list them. */
public record RenditionsReady(@JsonUnwrapped ChangeMeta meta, String assetId) implements MediaEvent {
    public static final String TYPE = "media.asset.renditions-ready";

    @Override
    public String eventType() {
        return TYPE;
    }
}
