package org.imagehub.media.events;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.imagehub.platform.events.ChangeMeta;

/** An asset was deleted; its objects ({@code keys}) are removed from storage after the commit. */
public record AssetDeleted(@JsonUnwrapped ChangeMeta meta, String assetId, String sha256, List<String> keys) implements MediaEvent {
    public static final String TYPE = "media.asset.deleted";

    @Override
    public String eventType() {
        return TYPE;
    }
}
