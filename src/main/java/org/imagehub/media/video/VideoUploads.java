package org.imagehub.media.video;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.minio.messages.Part;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import org.imagehub.media.MediaConfig;
import org.imagehub.media.ObjectStorage;
import org.imagehub.media.asset.MediaAssetView;
import org.imagehub.media.asset.MediaUploads;
import org.imagehub.media.asset.MediaWrites;
import org.imagehub.media.image.UnsupportedMediaException;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.NotFoundException;
import org.imagehub.platform.errors.PayloadTooLargeException;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.platform.ids.Ids;
import org.imagehub.security.Actor;
import org.jboss.logging.Logger;

/**
 * Big videos go from the client straight to storage: the hub starts an S3 multipart upload under a key it makes,
 * hands out one presigned URL per part, and on completion trusts nothing the client said — it measures the object,
 * sniffs its first bytes, hashes it and reads its container, and refuses (deleting the object) what is not a video.
 */
@ApplicationScoped
public class VideoUploads {
    private static final Logger LOG = Logger.getLogger(VideoUploads.class);
    /** S3 allows at most this many parts in one upload. */
    private static final long MAX_PARTS = 10_000;

    private final MultipartStorage multipart;
    private final ObjectStorage storage;
    private final VideoInspector inspector;
    private final MediaWrites writes;
    private final MediaConfig config;
    private final Clock clock;

    public VideoUploads(MultipartStorage multipart, ObjectStorage storage, VideoInspector inspector, MediaWrites writes, MediaConfig config,
            Clock clock) {
        this.multipart = multipart;
        this.storage = storage;
        this.inspector = inspector;
        this.writes = writes;
        this.config = config;
        this.clock = clock;
    }

    /** Starts an upload: where each part goes, valid until {@code expiresAt}. */
    public UploadPlan start(UploadStart input, Actor actor) {
        if (input == null) {
            throw ValidationException.of("body", "required", "a JSON object");
        }
        String extension = input.contentType() == null ? null : VideoInspector.ACCEPTED.get(input.contentType());
        if (extension == null) {
            throw ValidationException.of("contentType", "invalid", "one of " + String.join(", ", VideoInspector.ACCEPTED.keySet().stream().sorted().toList()));
        }
        if (input.bytes() == null || input.bytes() <= 0) {
            throw ValidationException.of("bytes", "required", "the file's size in bytes, at least 1");
        }
        if (input.bytes() > config.videoDirectMaxBytes()) {
            throw tooLarge(input.bytes());
        }
        long partBytes = Math.max(config.uploadPartBytes(), ceilDiv(input.bytes(), MAX_PARTS));
        int parts = (int) ceilDiv(input.bytes(), partBytes);
        Instant now = Instant.now(clock);
        VideoUpload upload = new VideoUpload();
        upload.id = Ids.newId();
        upload.organisation = actor.organisation();
        upload.objectKey = "videos/" + upload.id + "." + extension;
        upload.mediaType = input.contentType();
        upload.declaredBytes = input.bytes();
        upload.partBytes = partBytes;
        upload.filename = displayName(input.filename());
        upload.createdBy = actor.userId();
        upload.createdAt = now;
        upload.expiresAt = now.plus(config.uploadExpiry());
        upload.s3UploadId = multipart.create(upload.objectKey, upload.mediaType);
        try {
            QuarkusTransaction.requiringNew().run(upload::persist);
        } catch (RuntimeException e) {
            abortQuietly(upload.objectKey, upload.s3UploadId);
            throw e;
        }
        List<UploadPlan.PartUrl> urls = IntStream.rangeClosed(1, parts)
                .mapToObj(n -> new UploadPlan.PartUrl(n, multipart.partUrl(upload.objectKey, upload.s3UploadId, n, config.uploadExpiry())))
                .toList();
        return new UploadPlan(upload.id, partBytes, urls, upload.expiresAt);
    }

    /** Completes the upload with the parts storage holds, then checks the object and makes it an asset (or refuses it). */
    public MediaUploads.Uploaded complete(String id, Actor actor) {
        VideoUpload upload = find(id, actor);
        List<Part> parts = multipart.parts(upload.objectKey, upload.s3UploadId);
        if (parts.isEmpty()) {
            throw ValidationException.of("parts", "required", "PUT at least one part to its URL before completing");
        }
        multipart.complete(upload.objectKey, upload.s3UploadId, parts);
        Path copy = null;
        try {
            long size = storage.stat(upload.objectKey).map(stat -> stat.size()).orElse(0L);
            if (size > config.videoDirectMaxBytes()) {
                throw tooLarge(size);
            }
            String type = inspector.sniff(storage.head(upload.objectKey, VideoInspector.SNIFF_BYTES));
            if (!type.equals(upload.mediaType)) {
                throw new UnsupportedMediaException(type, "the upload was started as " + upload.mediaType);
            }
            copy = Files.createTempFile("video-", ".upload");
            String sha256 = copyHashing(upload.objectKey, copy);
            Optional<MediaAssetView> existing = writes.findBySha256(sha256);
            if (existing.isPresent()) {
                discard(upload);
                return new MediaUploads.Uploaded(false, existing.get());
            }
            VideoInspector.Video video = inspector.read(copy, type);
            String storedSha256 = sha256;
            if (VideoMetadataBlanker.blank(copy) > 0) {
                // GPS and personal tags found: the object is replaced by the blanked copy before the asset exists, so no
                // delivered byte ever carried them (and byte ranges need no filtering). The asset's identity stays the
                // hash of what was uploaded (the same upload again is the same asset); its files' ETag is the stored hash.
                storedSha256 = MediaUploads.sha256(copy);
                try (InputStream in = Files.newInputStream(copy)) {
                    storage.put(upload.objectKey, in, Files.size(copy), type);
                }
            }
            MediaWrites.StoredOriginal original = new MediaWrites.StoredOriginal(sha256, video.what(), upload.objectKey, storedSha256, size,
                    upload.filename, video.durationMs());
            MediaAssetView asset;
            try {
                asset = writes.insert(original, actor);
            } catch (RuntimeException e) {
                Optional<MediaAssetView> winner = writes.findBySha256(sha256);
                if (winner.isEmpty()) {
                    throw e;
                }
                discard(upload);
                return new MediaUploads.Uploaded(false, winner.get());
            }
            QuarkusTransaction.requiringNew().run(() -> VideoUpload.deleteById(upload.id));
            return new MediaUploads.Uploaded(true, asset);
        } catch (UnsupportedMediaException | PayloadTooLargeException refused) {
            discard(upload);
            throw refused;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(copy);
        }
    }

    /** Gives up an upload: storage drops its parts, the hub its row. */
    public void abort(String id, Actor actor) {
        VideoUpload upload = find(id, actor);
        multipart.abort(upload.objectKey, upload.s3UploadId);
        QuarkusTransaction.requiringNew().run(() -> VideoUpload.deleteById(upload.id));
    }

    /** Aborts every upload past its expiry (its part URLs no longer work); answers how many. */
    public int abortExpired() {
        List<VideoUpload> expired = QuarkusTransaction.requiringNew().call(() -> VideoUpload.<VideoUpload>find("expiresAt < ?1 order by expiresAt",
                Instant.now(clock)).page(0, 100).list());
        for (VideoUpload upload : expired) {
            abortQuietly(upload.objectKey, upload.s3UploadId);
            QuarkusTransaction.requiringNew().run(() -> VideoUpload.deleteById(upload.id));
        }
        return expired.size();
    }

    private VideoUpload find(String id, Actor actor) {
        VideoUpload upload = QuarkusTransaction.requiringNew().call(() -> VideoUpload.<VideoUpload>findById(id));
        // Another user's upload is not revealed: its id is as good as a secret.
        if (upload == null || !actor.isAdmin() && !Objects.equals(upload.createdBy, actor.userId())) {
            throw new NotFoundException("No upload " + id + ".");
        }
        return upload;
    }

    /** Streams the object from storage to a temporary file (never the heap) and answers its SHA-256. */
    private String copyHashing(String key, Path target) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = storage.get(key); OutputStream out = new DigestOutputStream(Files.newOutputStream(target), digest)) {
            in.transferTo(out);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private void discard(VideoUpload upload) {
        try {
            storage.delete(upload.objectKey);
        } catch (RuntimeException e) {
            LOG.warnf("Could not remove refused upload %s; the orphan sweep will: %s", upload.objectKey, e.getMessage());
        }
        QuarkusTransaction.requiringNew().run(() -> VideoUpload.deleteById(upload.id));
    }

    private void abortQuietly(String key, String uploadId) {
        try {
            multipart.abort(key, uploadId);
        } catch (RuntimeException e) {
            LOG.warnf("Could not abort multipart upload of %s: %s", key, e.getMessage());
        }
    }

    private PayloadTooLargeException tooLarge(long bytes) {
        return new PayloadTooLargeException("The video has " + bytes + " bytes; direct uploads may have at most " + config.videoDirectMaxBytes() + ".",
                List.of(new FieldError("bytes", "too-large", "at most " + config.videoDirectMaxBytes())));
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private static String displayName(String filename) {
        if (filename == null) {
            return null;
        }
        String name = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1).replaceAll("\\p{Cntrl}", "").strip();
        return name.isEmpty() ? null : name.substring(0, Math.min(name.length(), 200));
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.debugf("Temporary file %s not deleted: %s", file, e.getMessage());
            }
        }
    }
}
