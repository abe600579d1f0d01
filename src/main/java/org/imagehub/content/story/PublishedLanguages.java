package org.imagehub.content.story;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Which languages of which stories have been published (a live revision), for features that count what was read. */
@ApplicationScoped
public class PublishedLanguages {
    private final EntityManager entityManager;

    public PublishedLanguages(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** "storyId|lang" for every language of these stories with a published revision. One statement. */
    public Set<String> of(Collection<String> storyIds) {
        if (storyIds.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                        "select story_id, lang from localization where story_id = any(cast(?1 as text[])) and published_revision is not null")
                .setParameter(1, storyIds.stream().distinct().toArray(String[]::new)).getResultList();
        Set<String> found = new HashSet<>();
        rows.forEach(row -> found.add(row[0] + "|" + row[1]));
        return found;
    }
}
