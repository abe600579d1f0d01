package org.imagehub.delivery.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.imagehub.content.media.StoryMediaService;
import org.imagehub.media.asset.MediaLibrary;
import org.imagehub.media.serving.PublishedMedia;
import org.imagehub.platform.NativeSql;

/**
 * Media's question "may anyone fetch this asset's files?", answered from the published view: yes while a story using
 * it (content says which) has a live language — published, past its embargo, not expired.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PublishedMediaCheck implements PublishedMedia {
    private final StoryMediaService storyMedia;
    private final MediaLibrary library;
    private final EntityManager entityManager;
    private final Clock clock;

    public PublishedMediaCheck(StoryMediaService storyMedia, MediaLibrary library, EntityManager entityManager, Clock clock) {
        this.storyMedia = storyMedia;
        this.library = library;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Override
    public boolean isPublished(String assetId) {
        // A video's poster is reached through the video: public while a published story shows that video.
        List<String> shownAs = new java.util.ArrayList<>(library.videosWithPoster(assetId));
        shownAs.add(assetId);
        List<String> stories = storyMedia.storiesReferencing(shownAs).values().stream().flatMap(List::stream).distinct().toList();
        if (stories.isEmpty()) {
            return false;
        }
        Timestamp now = Timestamp.from(Instant.now(clock));
        return (Boolean) NativeSql.bind(entityManager.createNativeQuery("""
                select exists (select 1 from delivery_item where story_id in (?1)
                                  and (embargo_until is null or embargo_until <= ?2) and (expires_at is null or expires_at > ?2))"""),
                stories, now).getSingleResult();
    }
}
