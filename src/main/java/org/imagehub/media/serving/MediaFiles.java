package org.imagehub.media.serving;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.imagehub.media.asset.MediaAsset;
import org.imagehub.media.asset.MediaViews;
import org.imagehub.media.asset.StoredRendition;

/** Finds the stored object behind a file URL ({@code medium-3fa2c1d9e0ab4c11.webp}) of an asset. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MediaFiles {
    private final MediaViews views;
    private final Instance<PublishedMedia> published;

    public MediaFiles(MediaViews views, Instance<PublishedMedia> published) {
        this.views = views;
        this.published = published;
    }

    /** One file: its storage key, media type, size and content hash (the strong ETag). */
    public record StoredFile(String key, String mediaType, long bytes, String sha256) {
    }

    public Optional<StoredFile> find(String assetId, String file) {
        MediaAsset asset = MediaAsset.findById(assetId);
        if (asset == null) {
            return Optional.empty();
        }
        if (file.equals(MediaViews.originalFile(asset))) {
            return Optional.of(new StoredFile(asset.originalKey, asset.mediaType, asset.byteSize, asset.originalSha256));
        }
        for (StoredRendition rendition : views.renditions(asset)) {
            if (rendition.file().equals(file)) {
                return Optional.of(new StoredFile(rendition.key(), rendition.mediaType(), rendition.bytes(), rendition.sha256()));
            }
        }
        return Optional.empty();
    }

    public boolean isPublished(String assetId) {
        for (PublishedMedia source : published) {
            if (source.isPublished(assetId)) {
                return true;
            }
        }
        return false;
    }
}
