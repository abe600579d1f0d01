package org.imagehub.media.asset;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.imagehub.media.ObjectStorage;
import org.imagehub.media.image.ImageInspector;
import org.imagehub.media.image.MetadataStripper;
import org.imagehub.media.image.SniffedFile;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.security.Actor;
import org.jboss.logging.Logger;

/**
 * An upload, from the file the HTTP layer streamed to disk to a stored asset: hashed (the same bytes are the same
 * asset), sniffed and checked, stripped of metadata, stored under a key made from the hash, and only then given its
 * row. A failure at any step leaves neither row nor object behind.
 */
@ApplicationScoped
public class MediaUploads {
    private static final Logger LOG = Logger.getLogger(MediaUploads.class);

    private final ObjectStorage storage;
    private final ImageInspector inspector;
    private final MetadataStripper stripper;
    private final MediaWrites writes;

    public MediaUploads(ObjectStorage storage, ImageInspector inspector, MetadataStripper stripper, MediaWrites writes) {
        this.storage = storage;
        this.inspector = inspector;
        this.stripper = stripper;
        this.writes = writes;
    }

    /** The asset, and whether this upload created it (false: the same bytes were uploaded before). */
    public record Uploaded(boolean created, MediaAssetView asset) {
    }

    public Uploaded upload(Path file, String filename, Actor actor) {
        long size = size(file);
        if (size == 0) {
            throw new ValidationException("The file is empty.", List.of(new FieldError("file", "empty", "a file of at least one byte")));
        }
        String sha256 = sha256(file);
        Optional<MediaAssetView> existing = writes.findBySha256(sha256);
        if (existing.isPresent()) {
            return new Uploaded(false, existing.get());
        }
        MetadataStripper.Stripped result = stripper.strip(file, inspector.inspect(file, size));
        SniffedFile what = result.what();
        Path stripped = result.file();
        try {
            if ("image".equals(what.kind())) {
                // A PDF is markup and objects by design: its scripts are removed by the cleaner, and it is served as an attachment.
                inspector.requireNoForeignContent(stripped, what.mediaType());
            }
            String key = "originals/" + sha256.substring(0, 2) + "/" + sha256 + "." + what.extension();
            long storedBytes = size(stripped);
            try (InputStream in = Files.newInputStream(stripped)) {
                storage.put(key, in, storedBytes, what.mediaType());
            }
            MediaWrites.StoredOriginal original = new MediaWrites.StoredOriginal(sha256, what, key, sha256(stripped), storedBytes,
                    displayName(filename));
            try {
                return new Uploaded(true, writes.insert(original, actor));
            } catch (RuntimeException e) {
                Optional<MediaAssetView> winner = writes.findBySha256(sha256);
                if (winner.isPresent()) {
                    return new Uploaded(false, winner.get());
                }
                removeQuietly(key);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(stripped);
        }
    }

    /** For people only: the last path segment, without control characters, at most 200 characters. */
    static String displayName(String filename) {
        if (filename == null) {
            return null;
        }
        String name = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "").strip();
        return name.isEmpty() ? null : name.substring(0, Math.min(name.length(), 200));
    }

    public static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void removeQuietly(String key) {
        try {
            storage.delete(key);
        } catch (RuntimeException e) {
            LOG.warnf("Could not remove %s after a failed upload; the orphan sweep will: %s", key, e.getMessage());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debugf("Temporary file %s not deleted: %s", file, e.getMessage());
        }
    }
}
