package org.imagehub.media.storage;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.imagehub.media.MediaConfig;
import org.imagehub.media.ObjectStorage;
import org.imagehub.media.asset.MediaAsset;
import org.imagehub.media.video.MultipartStorage;
import org.jboss.logging.Logger;

/**
 * Compares the bucket with the asset rows. Objects no row references (an upload whose row never came, the renditions
 * of an old focal point) are removed once older than {@code hub.media.orphan-grace}; rows whose renditions are gone
 * are set to make them again; rows whose original is gone are reported (the bytes cannot be made up).
 */
@ApplicationScoped
public class OrphanSweep {
    private static final Logger LOG = Logger.getLogger(OrphanSweep.class);
    private static final String[] PREFIXES = {"originals/", "renditions/", "videos/"};

    private final ObjectStorage storage;
    private final StoredKeys keys;
    private final MediaConfig config;
    private final org.imagehub.media.asset.MediaViews views;
    private final Clock clock;
    private final MultipartStorage multipart;

    public OrphanSweep(ObjectStorage storage, StoredKeys keys, MediaConfig config, org.imagehub.media.asset.MediaViews views, Clock clock,
            MultipartStorage multipart) {
        this.multipart = multipart;
        this.views = views;
        this.storage = storage;
        this.keys = keys;
        this.config = config;
        this.clock = clock;
    }

    /**
     * What a sweep found (and, with {@code repaired}, fixed). {@code abandonedUploads}: unfinished multipart uploads
     * storage holds under {@code videos/} that no upload row knows (the row was aborted or lost while storage kept the
     * parts), by key.
     */
    public record Report(List<String> orphanObjects, List<String> missingOriginals, List<String> missingRenditions,
            List<String> abandonedUploads, boolean repaired) {
    }

    @Scheduled(every = "${hub.media.orphan-sweep-interval}", delayed = "${hub.media.orphan-sweep-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            Report report = sweep(true, config.orphanGrace());
            if (!report.orphanObjects().isEmpty() || !report.missingOriginals().isEmpty() || !report.missingRenditions().isEmpty()
                    || !report.abandonedUploads().isEmpty()) {
                LOG.infof("Orphan sweep: %d orphan object(s) removed, %d asset(s) without original, %d asset(s) re-rendered, "
                        + "%d abandoned multipart upload(s) aborted", report.orphanObjects().size(), report.missingOriginals().size(),
                        report.missingRenditions().size(), report.abandonedUploads().size());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Orphan sweep skipped: %s", e.getMessage());
        }
    }

    public Report sweep(boolean repair, java.time.Duration grace) {
        Instant cutoff = Instant.now(clock).minus(grace);
        Set<String> referenced = QuarkusTransaction.requiringNew().call(keys::referenced);
        Set<String> present = new HashSet<>();
        List<String> orphans = new ArrayList<>();
        for (String prefix : PREFIXES) {
            storage.list(prefix, object -> {
                present.add(object.key());
                if (!referenced.contains(object.key()) && object.lastModified().isBefore(cutoff)) {
                    orphans.add(object.key());
                }
            });
        }
        List<String> missingOriginals = new ArrayList<>();
        List<String> missingRenditions = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (MediaAsset asset : MediaAsset.<MediaAsset>listAll()) {
                if (!present.contains(asset.originalKey)) {
                    missingOriginals.add(asset.id);
                } else if (rendered(asset) && !present.containsAll(renditionKeys(asset))) {
                    missingRenditions.add(asset.id);
                }
            }
        });
        // Unfinished multipart uploads are not objects: listObjects never shows them, yet storage keeps (and bills) their parts.
        Set<String> knownUploads = QuarkusTransaction.requiringNew().call(keys::uploadsInProgress);
        List<MultipartStorage.Incomplete> abandoned = multipart.incomplete("videos/").stream()
                .filter(upload -> !knownUploads.contains(upload.uploadId()) && upload.initiated().isBefore(cutoff)).toList();
        if (repair) {
            orphans.forEach(storage::delete);
            abandoned.forEach(upload -> multipart.abort(upload.key(), upload.uploadId()));
            if (!missingRenditions.isEmpty()) {
                QuarkusTransaction.requiringNew().run(() -> MediaAsset.update(
                        "renditionsStatus = 'pending', renditionsFrame = null, renditionsRequestedAt = ?1 where id in ?2",
                        Instant.EPOCH, missingRenditions));
            }
        }
        orphans.sort(null);
        return new Report(orphans, missingOriginals, missingRenditions,
                abandoned.stream().map(MultipartStorage.Incomplete::key).sorted().toList(), repair);
    }

    private static boolean rendered(MediaAsset asset) {
        return "ready".equals(asset.renditionsStatus);
    }

    private Set<String> renditionKeys(MediaAsset asset) {
        Set<String> keys = new HashSet<>();
        views.renditions(asset).forEach(rendition -> keys.add(rendition.key()));
        return keys;
    }
}
