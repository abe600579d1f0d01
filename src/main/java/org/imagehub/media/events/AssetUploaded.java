package org.imagehub.media.events;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.imagehub.platform.events.ChangeMeta;

/** A new asset was stored; its renditions are to be made. */
public record AssetUploaded(@JsonUnwrapped ChangeMeta meta, String assetId, String sha256, String mediaType) implements MediaEvent {
    public static final String TYPE = "media.asset.uploaded";

    @Override
    public String eventType() {
        return TYPE;
    }
}
