package org.imagehub.content.revision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.imagehub.platform.errors.NotFoundException;

/** The immutable history of each localization: one numbered snapshot per save. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RevisionService {

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
