package org.imagehub.media.asset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.imagehub.media.events.AssetUploaded;
import org.imagehub.media.events.MediaChanges;
import org.imagehub.media.image.SniffedFile;
import org.imagehub.platform.ids.Ids;
import org.imagehub.security.Actor;
import org.imagehub.security.audit.AuditLog;

/** The asset row of an upload, written in its own transaction once the original is safely in storage. */
@ApplicationScoped
public class MediaWrites {
    private final MediaChanges changes;
    private final MediaViews views;
    private final Clock clock;

    public MediaWrites(MediaChanges changes, MediaViews views, Clock clock) {
        this.changes = changes;
        this.views = views;
        this.clock = clock;
    }

    /** What the upload pipeline learnt about the file. */
    public record StoredOriginal(String sha256, SniffedFile what, String key, String storedSha256, long storedBytes, String filename,
            Long durationMs) {
        public StoredOriginal(String sha256, SniffedFile what, String key, String storedSha256, long storedBytes, String filename) {
            this(sha256, what, key, storedSha256, storedBytes, filename, null);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<MediaAssetView> findBySha256(String sha256) {
        return MediaAsset.<MediaAsset>find("sha256", sha256).firstResultOptional().map(views::view);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public MediaAssetView insert(StoredOriginal original, Actor actor) {
        Instant now = Instant.now(clock);
        MediaAsset asset = new MediaAsset();
        asset.id = Ids.newId();
        asset.organisation = actor.organisation();
        asset.sha256 = original.sha256();
        asset.kind = original.what().kind();
        asset.mediaType = original.what().mediaType();
        asset.byteSize = original.storedBytes();
        asset.width = original.what().width();
        asset.height = original.what().height();
        asset.durationMs = original.durationMs();
        asset.originalKey = original.key();
        asset.originalSha256 = original.storedSha256();
        asset.filename = original.filename();
        asset.focalX = 0.5f;
        asset.focalY = 0.5f;
        asset.textsJson = "{}";
        // Only images get renditions; a video is served as stored (no transcoding in the hub), a document too.
        boolean image = "image".equals(asset.kind);
        asset.renditionsStatus = image ? "pending" : "ready";
        asset.renditionsJson = "[]";
        asset.renditionsRequestedAt = now;
        asset.renditionsFrame = image ? null : asset.frame();
        asset.version = 1;
        asset.createdBy = actor.userId();
        asset.createdAt = now;
        asset.updatedAt = now;
        asset.persist();
        // A concurrent upload of the same bytes fails here, inside this method, where the caller can answer with the winner.
        MediaAsset.flush();
        changes.record(actor, new AuditLog.Write("media.uploaded", "media-asset", asset.id, asset.version,
                        Map.of("sha256", asset.sha256, "mediaType", asset.mediaType, "bytes", asset.byteSize)),
                new AssetUploaded(MediaChanges.meta(actor, now), asset.id, asset.sha256, asset.mediaType));
        return views.view(asset);
    }
}
