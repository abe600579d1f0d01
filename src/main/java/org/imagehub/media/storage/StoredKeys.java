package org.imagehub.media.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The storage keys the asset rows reference: originals and every rendition. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StoredKeys {
    private final EntityManager entityManager;

    public StoredKeys(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @SuppressWarnings("unchecked")
    public Set<String> referenced() {
        List<String> keys = entityManager.createNativeQuery("""
                select original_key from media_asset
                union all
                select r ->> 'key' from media_asset, jsonb_array_elements(renditions) r""").getResultList();
        return new HashSet<>(keys);
    }

    /** The S3 upload ids of the multipart uploads the hub has started and not yet completed or aborted. */
    @SuppressWarnings("unchecked")
    public Set<String> uploadsInProgress() {
        return new HashSet<>(entityManager.createNativeQuery("select s3_upload_id from media_upload").getResultList());
    }
}
