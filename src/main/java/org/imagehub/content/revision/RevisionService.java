package org.imagehub.content.revision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.imagehub.platform.IndexPathsOnly;
import org.imagehub.platform.NativeSql;
import org.imagehub.platform.errors.NotFoundException;

/** The immutable history of each localization: one numbered snapshot per save. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RevisionService {
    private final EntityManager entityManager;

    public RevisionService(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Records the localization's state as revision {@code number}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public LocalizationRevision record(RevisionContent content, String localizationId, int number, Integer restoredFrom,
            String createdBy, Instant at) {
        LocalizationRevision revision = new LocalizationRevision();
        revision.localizationId = localizationId;
        revision.number = number;
        revision.content = content;
        revision.restoredFrom = restoredFrom;
        revision.createdBy = createdBy;
        revision.createdAt = at;
        revision.persist();
        return revision;
    }

    /**
     * Records the stored working copy of each of these localizations, just created in this transaction, as its
     * revision {@code current_revision}. The database copies the rows itself: a chunk of new stories sends each body
     * once, not a second time for its first revision (bodies are most of an import's bytes, and the driver encodes
     * each one it sends).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordCreated(List<String> localizationIds, String createdBy, Instant at) {
        if (localizationIds.isEmpty()) {
            return;
        }
        entityManager.flush();
        // By primary key, whatever the statistics of a table an import is filling from empty say.
        IndexPathsOnly.during(entityManager, () -> NativeSql.bind(entityManager.createNativeQuery("""
                        insert into localization_revision (localization_id, number, slug, title, summary, body_html, body_text, fields,
                            seo_title, seo_description, translated_from_lang, translated_from_revision, restored_from, created_at, created_by)
                        select id, current_revision, slug, title, summary, body_html, body_text, fields,
                            seo_title, seo_description, translated_from_lang, translated_from_revision, null, ?1, ?2
                        from localization where id = any(cast(?3 as text[]))"""),
                at, createdBy, localizationIds.toArray(String[]::new)).executeUpdate());
    }

    public List<LocalizationRevision> list(String localizationId) {
        return LocalizationRevision.list("localizationId = ?1 order by number desc", localizationId);
    }

    public LocalizationRevision get(String localizationId, int number) {
        LocalizationRevision revision = LocalizationRevision.findById(new LocalizationRevision.Key(localizationId, number));
        if (revision == null) {
            throw new NotFoundException("No revision " + number + " of this localization.");
        }
        return revision;
    }

    /** Field-level differences from one revision to another, in a fixed field order. */
    public List<FieldChange> diff(String localizationId, int from, int to) {
        return RevisionDiff.between(get(localizationId, from).content, get(localizationId, to).content);
    }
}
