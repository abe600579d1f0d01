package org.imagehub.demo.embedded;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * A real S3 API server (S3Proxy) inside this JVM. The hub talks to it through the MinIO client exactly as it
 * talks to MinIO in production: signed requests over HTTP, path-style buckets.
 */
public final class EmbeddedObjectStore implements AutoCloseable {
    private final S3Proxy proxy;
    private final String endpoint;
    private final String accessKey;
    private final String secretKey;

    private EmbeddedObjectStore(S3Proxy proxy, String endpoint, String accessKey, String secretKey) {
        this.proxy = proxy;
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    static EmbeddedObjectStore start(EmbeddedStackSettings settings) {
        try {
            BlobStore store;
            if (settings.objectStoreInMemory()) {
                store = new TransientNio2BlobStore();
            } else {
                Path dir = Files.createDirectories(settings.workDir().resolve("object-store"));
                store = new FilesystemNio2BlobStore(dir.toString());
            }
            String endpoint = "http://127.0.0.1:" + FreePorts.resolve(settings.objectStorePort());
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(store)
                    .endpoint(URI.create(endpoint))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4,
                            settings.objectStoreAccessKey(), settings.objectStoreSecretKey())
                    .build();
            proxy.start();
            Polling.until("S3Proxy started", 15_000, () -> "STARTED".equals(proxy.getState()));
            return new EmbeddedObjectStore(proxy, endpoint, settings.objectStoreAccessKey(), settings.objectStoreSecretKey());
        } catch (Exception e) {
            throw new IllegalStateException("Embedded S3 server did not start: " + e.getMessage(), e);
        }
    }

    Map<String, String> quarkusConfig() {
        return Map.of(
                "hub.storage.endpoint", endpoint,
                "hub.storage.access-key", accessKey,
                "hub.storage.secret-key", secretKey);
    }

    String endpoint() {
        return endpoint;
    }

    /** Stops answering (connections are refused), keeping the stored objects: how tests take storage down. */
    public void pause() {
        try {
            proxy.stop();
            Polling.until("S3Proxy stopped", 15_000, () -> !"STARTED".equals(proxy.getState()));
        } catch (Exception e) {
            throw new IllegalStateException("Embedded S3 server did not stop: " + e.getMessage(), e);
        }
    }

    /** Answers again, on the same port, with the same objects. */
    public void resume() {
        try {
            proxy.start();
            Polling.until("S3Proxy started", 15_000, () -> "STARTED".equals(proxy.getState()));
        } catch (Exception e) {
            throw new IllegalStateException("Embedded S3 server did not start again: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Embedded S3 server did not stop cleanly", e);
        }
    }
}
