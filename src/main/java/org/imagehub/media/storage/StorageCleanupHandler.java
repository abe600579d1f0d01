package org.imagehub.media.storage;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.imagehub.distribution.DispatchedEvent;
import org.imagehub.distribution.OutboxHandler;
import org.imagehub.media.ObjectStorage;
import org.imagehub.media.events.AssetDeleted;
import org.imagehub.platform.Json;

/**
 * Removes a deleted asset's files from storage once the delete is committed. The same bytes may have been uploaded
 * again since (same keys): whatever a row now references is kept. Removing a missing object is no error, so a
 * repeated event does no harm.
 */
@ApplicationScoped
public class StorageCleanupHandler implements OutboxHandler {
    private final ObjectStorage storage;
    private final StoredKeys keys;
    private final Json json;

    public StorageCleanupHandler(ObjectStorage storage, StoredKeys keys, Json json) {
        this.storage = storage;
        this.keys = keys;
        this.json = json;
    }

    @Override
    public String name() {
        return "media-storage-cleanup";
    }

    @Override
    public boolean handles(String eventType) {
        return AssetDeleted.TYPE.equals(eventType);
    }

    @Override
    public void handle(List<DispatchedEvent> batch) {
        for (DispatchedEvent event : batch) {
            AssetDeleted deleted = json.read(event.payloadJson(), AssetDeleted.class);
            Set<String> inUse = new HashSet<>(QuarkusTransaction.requiringNew().call(keys::referenced));
            for (String key : deleted.keys()) {
                if (!inUse.contains(key)) {
                    storage.delete(key);
                }
            }
        }
    }
}
