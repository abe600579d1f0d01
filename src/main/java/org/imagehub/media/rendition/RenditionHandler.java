package org.imagehub.media.rendition;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.imagehub.distribution.DispatchedEvent;
import org.imagehub.distribution.OutboxHandler;
import org.imagehub.media.ObjectStorage;
import org.imagehub.media.asset.MediaAsset;
import org.imagehub.media.asset.MediaViews;
import org.imagehub.media.asset.StoredRendition;
import org.imagehub.media.events.AssetUpdated;
import org.imagehub.media.events.AssetUploaded;
import org.imagehub.media.events.RenditionsRequested;
import org.imagehub.media.image.RenditionMaker;
import org.imagehub.platform.Hashes;
import org.jboss.logging.Logger;

/**
 * Makes an asset's renditions after its upload (or a moved focal point) is committed, from the stored original:
 * every size in the original's format and WebP, each stored under a key made from its own hash, then recorded on
 * the row as {@code ready}. Idempotent: it works from the row as it is now, and does nothing when the renditions
 * already match the focal point. Storage down: it throws, and the dispatcher (or the retry job) comes back later.
 * An original that cannot be decoded is {@code failed}, not retried.
 */
@ApplicationScoped
public class RenditionHandler implements OutboxHandler {
    private static final Logger LOG = Logger.getLogger(RenditionHandler.class);
    private static final Set<String> TYPES = Set.of(AssetUploaded.TYPE, AssetUpdated.TYPE, RenditionsRequested.TYPE);

    private final ObjectStorage storage;
    private final RenditionMaker maker;
    private final MediaViews views;
    private final org.imagehub.media.events.MediaChanges changes;

    public RenditionHandler(ObjectStorage storage, RenditionMaker maker, MediaViews views, org.imagehub.media.events.MediaChanges changes) {
        this.changes = changes;
        this.storage = storage;
        this.maker = maker;
        this.views = views;
    }

    @Override
    public String name() {
        return "media-renditions";
    }

    @Override
    public boolean handles(String eventType) {
        return TYPES.contains(eventType);
    }

    @Override
    public void handle(List<DispatchedEvent> batch) throws IOException {
        for (String assetId : batch.stream().map(DispatchedEvent::aggregateId).distinct().toList()) {
            render(assetId);
        }
    }

    /** Makes the renditions of one asset when they are not made for its current focal point. */
    public void render(String assetId) throws IOException {
        Snapshot asset = QuarkusTransaction.requiringNew().call(() -> {
            MediaAsset row = MediaAsset.findById(assetId);
            return row == null ? null : new Snapshot(row.id, row.sha256, row.mediaType, row.originalKey, row.focalX, row.focalY,
                    row.renditionsStatus, row.renditionsFrame);
        });
        if (asset == null || !"image".equals(kindOf(asset.mediaType)) || "ready".equals(asset.status) && asset.frame().equals(asset.madeFor)) {
            return;
        }
        List<RenditionMaker.Encoded> encoded;
        try (InputStream original = storage.get(asset.originalKey)) {
            encoded = maker.make(original, asset.mediaType, asset.focalX, asset.focalY);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ObjectStorage.ObjectStorageException) {
                throw e;
            }
            LOG.warnf(e, "Renditions of %s failed", assetId);
            record(assetId, asset.frame(), null, String.valueOf(e.getMessage()));
            return;
        }
        List<StoredRendition> stored = new ArrayList<>();
        for (RenditionMaker.Encoded one : encoded) {
            String sha = HexFormat.of().formatHex(Hashes.sha256(one.bytes()));
            String key = "renditions/" + asset.sha256.substring(0, 2) + "/" + asset.sha256 + "/" + one.spec().name() + "-" + sha + "." + one.format();
            storage.put(key, new java.io.ByteArrayInputStream(one.bytes()), one.bytes().length, one.mediaType());
            stored.add(new StoredRendition(one.spec().name(), one.format(), one.mediaType(), one.width(), one.height(), one.bytes().length, sha, key));
        }
        record(assetId, asset.frame(), stored, null);
    }

    /** Written only if the focal point is still the one rendered for (a newer request makes its own set). */
    private void record(String assetId, String frame, List<StoredRendition> renditions, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            MediaAsset row = MediaAsset.findById(assetId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (row == null || !frame.equals(row.focalX + "," + row.focalY)) {
                return;
            }
            if (renditions == null) {
                row.renditionsStatus = "failed";
                row.renditionsError = error;
            } else {
                row.renditionsStatus = "ready";
                row.renditionsJson = views.write(renditions);
                row.renditionsError = null;
            }
            row.renditionsFrame = frame;
            if (renditions != null) {
                java.time.Instant now = java.time.Instant.now();
                changes.record(org.imagehub.security.audit.AuditLog.SYSTEM, new org.imagehub.security.audit.AuditLog.Write(
                                "media.renditions-ready", "media-asset", assetId, row.version, java.util.Map.of("files", renditions.size())),
                        new org.imagehub.media.events.RenditionsReady(org.imagehub.media.events.MediaChanges.meta(
                                org.imagehub.security.audit.AuditLog.SYSTEM, now), assetId));
            }
        });
    }

    private static String kindOf(String mediaType) {
        return mediaType.startsWith("image/") ? "image" : "other";
    }

    private record Snapshot(String id, String sha256, String mediaType, String originalKey, float focalX, float focalY, String status,
            String madeFor) {
        String frame() {
            return focalX + "," + focalY;
        }
    }
}
