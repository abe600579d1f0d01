package org.imagehub.media.asset;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Who uses an asset. Media cannot ask content (content depends on media, not the other way round), so content
 * implements this and media asks it before a delete. No implementation: nothing references any asset.
 */
public interface AssetReferences {
    /** The ids of the stories referencing each of {@code assetIds} (absent when none). */
    Map<String, List<String>> storiesReferencing(Collection<String> assetIds);

    /**
     * Whether a story with an approved, scheduled or live language uses the asset: what is said about it (caption,
     * alt text, credit, crop) then reaches consumers without another review, so only an approver may change it.
     */
    boolean usedWhereApprovedOrLive(String assetId);
}
