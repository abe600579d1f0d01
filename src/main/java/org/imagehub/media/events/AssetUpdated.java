package org.imagehub.media.events;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.imagehub.platform.events.ChangeMeta;

/** An asset's metadata changed; {@code reframed} when its focal point moved, so its crops are to be made again. */
public record AssetUpdated(@JsonUnwrapped ChangeMeta meta, String assetId, long version, List<String> changed, boolean reframed)
        implements MediaEvent {
    public static final String TYPE = "media.asset.updated";

    @Override
    public String eventType() {
        return TYPE;
    }
}
