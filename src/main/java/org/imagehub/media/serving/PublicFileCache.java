package org.imagehub.media.serving;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.imagehub.media.MediaConfig;
import org.imagehub.media.ObjectStorage;

/**
 * The bytes of small public files (renditions, mostly), kept in memory within a byte budget
 * ({@code hub.media.file-cache-max-bytes}; 0 turns it off), so a hot image costs no storage round trip. A file name
 * carries its content hash, so an entry can never be stale: it only has to be evicted for space. Whether a file may be
 * served at all is asked on every request, before this cache is consulted. Metrics: cache_* {cache="media-files"}.
 */
@ApplicationScoped
@Startup // its meters are on /q/metrics from the start
public class PublicFileCache {
    static final String NAME = "media-files";

    /** A file held in memory, with what its answer needs. */
    public record CachedFile(byte[] content, String mediaType, String sha256) {
    }

    private final ObjectStorage storage;
    private final MediaFiles mediaFiles;
    private final long largestEntry;
    /** Where a public file is stored: fixed for a content-addressed name, so kept until evicted for space. */
    private final Cache<String, MediaFiles.StoredFile> locations = Caffeine.newBuilder().maximumSize(50_000).build();
    /** Null when the budget is 0. */
    private final Cache<String, CachedFile> files;

    public PublicFileCache(ObjectStorage storage, MediaFiles mediaFiles, MediaConfig config, MeterRegistry registry) {
        this.storage = storage;
        this.mediaFiles = mediaFiles;
        this.largestEntry = config.fileCacheMaxEntryBytes();
        long budget = config.fileCacheMaxBytes();
        if (budget <= 0) {
            this.files = null;
            return;
        }
        this.files = Caffeine.newBuilder().maximumWeight(budget).recordStats()
                .weigher((String key, CachedFile file) -> file.content().length + key.length() * 2 + 96).build();
        CaffeineCacheMetrics.monitor(registry, files, NAME);
    }

    /** A public file's storage key, type, size and hash, looked up in the database once. */
    public Optional<MediaFiles.StoredFile> find(String assetId, String file) {
        String name = assetId + "/" + file;
        MediaFiles.StoredFile known = locations.getIfPresent(name);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<MediaFiles.StoredFile> found = mediaFiles.find(assetId, file);
        found.ifPresent(stored -> locations.put(name, stored));
        return found;
    }

    /** The file's bytes from memory or, once, from storage; empty when it is too big to keep (stream it instead). */
    public Optional<CachedFile> get(MediaFiles.StoredFile stored) {
        if (files == null || stored.bytes() > largestEntry) {
            return Optional.empty();
        }
        return Optional.of(files.get(stored.key(), key -> read(stored)));
    }

    private CachedFile read(MediaFiles.StoredFile stored) {
        try (InputStream content = storage.get(stored.key())) {
            return new CachedFile(content.readNBytes((int) largestEntry + 1), stored.mediaType(), stored.sha256());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
