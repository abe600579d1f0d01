package org.imagehub.media.events;

import org.imagehub.platform.events.ChangeEvent;

/** A change to the media library, recorded by {@link MediaChanges}; the aggregate is the asset. */
public sealed interface MediaEvent extends ChangeEvent permits AssetUploaded, AssetUpdated, AssetDeleted, RenditionsRequested, RenditionsReady {
    String assetId();

    @Override
    default String aggregateType() {
        return "media-asset";
    }

    @Override
    default String aggregateId() {
        return assetId();
    }
}
