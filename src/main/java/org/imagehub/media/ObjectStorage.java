package org.imagehub.media;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.imagehub.platform.HubConfig;
import org.imagehub.platform.errors.DependencyUnavailableException;

/** The hub's bucket in S3 object storage. Binaries live here; their metadata lives in PostgreSQL. */
@ApplicationScoped
public class ObjectStorage {
    private static final Long PART_SIZE = 16L * 1024 * 1024;

    private final MinioClient client;
    private final String bucket;
    private final AtomicBoolean bucketKnown = new AtomicBoolean();

    public ObjectStorage(MinioClient client, HubConfig config) {
        this.client = client;
        this.bucket = config.storage().bucket();
    }

    public String bucket() {
        return bucket;
    }

    /** Creates the bucket when missing. Lazy, so the hub starts (and stays up) while storage is down. */
    public void ensureBucket() {
        call(() -> {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
            }
            bucketKnown.set(true);
            return null;
        });
    }

    public void put(String key, InputStream content, long size, String contentType) {
        if (!bucketKnown.get()) {
            ensureBucket();
        }
        call(() -> client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                .stream(content, size, PART_SIZE).contentType(contentType).build()));
    }

    /** The object's bytes; the caller closes the stream. */
    public InputStream get(String key) {
        return call(() -> client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build()));
    }

    /** Up to {@code length} bytes from the start of the object (a ranged GET); the caller closes the stream. */
    /** {@code length} bytes from {@code offset}: a ranged GET, so only those bytes leave storage. */
    public InputStream range(String key, long offset, long length) {
        return call(() -> client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).offset(offset).length(length).build()));
    }

    public InputStream head(String key, long length) {
        return call(() -> client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).offset(0L).length(length).build()));
    }

    public Optional<StatObjectResponse> stat(String key) {
        try {
            return Optional.of(client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build()));
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code())) {
                return Optional.empty();
            }
            throw new ObjectStorageException("stat " + key + " failed: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new ObjectStorageException("stat " + key + " failed: " + e.getMessage(), e);
        }
    }

    /** An object as a listing shows it. */
    public record StoredObject(String key, long size, java.time.Instant lastModified) {
    }

    /** Every object under {@code prefix}, page by page as S3 lists them (the caller sees one at a time). */
    public void list(String prefix, java.util.function.Consumer<StoredObject> each) {
        if (!bucketKnown.get()) {
            ensureBucket();
        }
        call(() -> {
            for (io.minio.Result<io.minio.messages.Item> result : client.listObjects(io.minio.ListObjectsArgs.builder()
                    .bucket(bucket).prefix(prefix).recursive(true).build())) {
                io.minio.messages.Item item = result.get();
                if (!item.isDir()) {
                    each.accept(new StoredObject(item.objectName(), item.size(),
                            item.lastModified() == null ? java.time.Instant.EPOCH : item.lastModified().toInstant()));
                }
            }
            return null;
        });
    }

    public void delete(String key) {
        call(() -> {
            client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
            return null;
        });
    }

    private static <T> T call(StorageCall<T> call) {
        try {
            return call.run();
        } catch (Exception e) {
            throw new ObjectStorageException("Object storage failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface StorageCall<T> {
        T run() throws Exception;
    }

    /** Object storage could not be reached or refused the call. */
    public static final class ObjectStorageException extends DependencyUnavailableException {
        ObjectStorageException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
