package org.imagehub.media.video;

import io.minio.AbortMultipartUploadArgs;
import io.minio.CompleteMultipartUploadArgs;
import io.minio.CreateMultipartUploadArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.Http;
import io.minio.ListPartsArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.messages.Part;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.imagehub.media.MediaConfig;
import org.imagehub.media.ObjectStorage;
import org.imagehub.platform.HubConfig;
import org.imagehub.platform.errors.DependencyUnavailableException;

/**
 * S3 multipart uploads whose parts the client sends straight to storage: created, presigned per part, completed or
 * aborted by the hub. The MinIO client exposes the multipart calls on its async client; part URLs are presigned
 * (offline, the region is configured) by a client that names the endpoint clients can reach.
 */
@ApplicationScoped
public class MultipartStorage {
    private final MinioAsyncClient client;
    private final MinioClient signer;
    private final ObjectStorage storage;

    public MultipartStorage(HubConfig hub, MediaConfig media, ObjectStorage storage) {
        HubConfig.Storage config = hub.storage();
        this.storage = storage;
        this.client = MinioAsyncClient.builder().endpoint(config.endpoint()).region(config.region())
                .credentials(config.accessKey(), config.secretKey()).build();
        this.signer = MinioClient.builder().endpoint(media.publicS3Endpoint().orElse(config.endpoint())).region(config.region())
                .credentials(config.accessKey(), config.secretKey()).build();
    }

    public String create(String key, String contentType) {
        storage.ensureBucket();
        return await(client.createMultipartUpload(CreateMultipartUploadArgs.builder().bucket(storage.bucket()).object(key)
                .headers(new Http.Headers(Map.of("Content-Type", contentType))).build())).result().uploadId();
    }

    /** A URL the client PUTs one part to, valid for {@code validity}; S3 answers the part's ETag. */
    public String partUrl(String key, String uploadId, int partNumber, Duration validity) {
        return call(() -> signer.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Http.Method.PUT)
                .bucket(storage.bucket()).object(key).expiry((int) validity.toSeconds(), TimeUnit.SECONDS)
                .extraQueryParams(Map.of("uploadId", uploadId, "partNumber", Integer.toString(partNumber))).build()));
    }

    /** The parts storage holds for the upload, in order: what the hub completes with, whatever the client says. */
    public List<Part> parts(String key, String uploadId) {
        List<Part> parts = new ArrayList<>();
        Integer marker = null;
        while (true) {
            var result = await(client.listParts(ListPartsArgs.builder().bucket(storage.bucket()).object(key).uploadId(uploadId)
                    .maxParts(1000).partNumberMarker(marker).build())).result();
            parts.addAll(result.parts());
            if (!result.isTruncated() || result.nextPartNumberMarker() == null) {
                return parts;
            }
            marker = result.nextPartNumberMarker();
        }
    }

    public void complete(String key, String uploadId, List<Part> parts) {
        await(client.completeMultipartUpload(CompleteMultipartUploadArgs.builder().bucket(storage.bucket()).object(key)
                .uploadId(uploadId).parts(parts.stream().map(part -> new Part(part.partNumber(), part.etag())).toArray(Part[]::new))
                .build()));
    }

    /** A multipart upload storage holds unfinished: its key, id and when it was started. */
    public record Incomplete(String key, String uploadId, java.time.Instant initiated) {
    }

    /** Every unfinished multipart upload under {@code prefix}, as storage lists them (whether or not the hub knows it). */
    public List<Incomplete> incomplete(String prefix) {
        storage.ensureBucket();
        List<Incomplete> uploads = new ArrayList<>();
        String keyMarker = null;
        String uploadIdMarker = null;
        while (true) {
            var result = await(client.listMultipartUploads(io.minio.ListMultipartUploadsArgs.builder().bucket(storage.bucket())
                    .prefix(prefix).maxUploads(1000).keyMarker(keyMarker).uploadIdMarker(uploadIdMarker).build())).result();
            if (result.uploads() != null) {
                result.uploads().forEach(upload -> uploads.add(new Incomplete(upload.objectName(), upload.uploadId(),
                        upload.initiated() == null ? java.time.Instant.EPOCH : upload.initiated().toInstant())));
            }
            if (!result.isTruncated() || result.nextKeyMarker() == null) {
                return uploads;
            }
            keyMarker = result.nextKeyMarker();
            uploadIdMarker = result.nextUploadIdMarker();
        }
    }

    public void abort(String key, String uploadId) {
        await(client.abortMultipartUpload(AbortMultipartUploadArgs.builder().bucket(storage.bucket()).object(key)
                .uploadId(uploadId).build()));
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MultipartStorageException("Interrupted while calling object storage", e);
        } catch (ExecutionException | CompletionException e) {
            throw new MultipartStorageException("Object storage failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static <T> T call(java.util.concurrent.Callable<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new MultipartStorageException("Object storage failed: " + e.getMessage(), e);
        }
    }

    /** Storage refused or could not be reached: 503 with Retry-After, like every other storage failure. */
    public static final class MultipartStorageException extends DependencyUnavailableException {
        MultipartStorageException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
