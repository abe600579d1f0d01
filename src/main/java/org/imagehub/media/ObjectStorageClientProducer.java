package org.imagehub.media;

import io.minio.MinioClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.imagehub.platform.HubConfig;

@ApplicationScoped
public class ObjectStorageClientProducer {

    @Produces
    @Singleton
    MinioClient minioClient(HubConfig config) {
        HubConfig.Storage storage = config.storage();
        return MinioClient.builder()
                .endpoint(storage.endpoint())
                .region(storage.region())
                .credentials(storage.accessKey(), storage.secretKey())
                .build();
    }
}
