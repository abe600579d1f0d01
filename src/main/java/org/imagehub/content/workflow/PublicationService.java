package org.imagehub.content.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.imagehub.distribution.Outbox;
import org.imagehub.security.Editor;

/**
 * Puts localizations live. The role-checked editorial workflow (review, approval, scheduling, withdrawal) builds
 * on this; today it serves the demo dataset, which is loaded already approved.
 */
@ApplicationScoped
public class PublicationService {
    private final EntityManager entityManager;
    private final Outbox outbox;
    private final Clock clock;

    public PublicationService(EntityManager entityManager, Outbox outbox, Clock clock) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Publishes every draft localization of the given stories; returns how many were published. */
    @Transactional
    public int publishAllDrafts(List<String> storyIds, Editor editor) {
        Instant now = Instant.now(clock);
        int published = entityManager.createNativeQuery("""
                        update localization set status = 'published', published_at = ?1, version = version + 1, updated_at = ?1
                        where story_id = any(cast(?2 as text[])) and status = 'draft'""")
                .setParameter(1, now)
                .setParameter(2, storyIds.toArray(String[]::new))
                .executeUpdate();
        entityManager.createNativeQuery("update story set version = version + 1, updated_at = ?1 where id = any(cast(?2 as text[]))")
                .setParameter(1, now)
                .setParameter(2, storyIds.toArray(String[]::new))
                .executeUpdate();
        for (String storyId : storyIds) {
            outbox.append("story.published", "story", storyId, Map.of("storyId", storyId, "by", editor.userId()));
        }
        return published;
    }
}
