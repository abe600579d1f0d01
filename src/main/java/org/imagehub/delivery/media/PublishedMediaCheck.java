package org.imagehub.delivery.media;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.imagehub.content.media.StoryMediaService;
import org.imagehub.delivery.publication.DeliveryChanges;
import org.imagehub.media.asset.MediaLibrary;
import org.imagehub.media.serving.PublishedMedia;
import org.imagehub.platform.NativeSql;
import org.imagehub.platform.SqlValues;

/**
 * Media's question "may anyone fetch this asset's files?", answered from the published view: yes while a story using
 * it (content says which) has a live language — published, past its embargo, not expired.
 *
 * <p>Every public image request asks it, so the answer is remembered per asset: for the generation of the published
 * view it was computed in (any publication, withdrawal or expiry drops them all), never past the next embargo end or
 * expiry of the stories using the asset (time alone changes the answer then), and at most {@link #LONGEST} — the
 * stories an asset is attached to can change without a publication (a draft's media list).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PublishedMediaCheck implements PublishedMedia {
    static final Duration LONGEST = Duration.ofSeconds(30);

    private record Verdict(long generation, boolean published, Instant until) {
    }

    private final StoryMediaService storyMedia;
    private final MediaLibrary library;
    private final EntityManager entityManager;
    private final DeliveryChanges changes;
    private final Clock clock;
    private final Cache<String, Verdict> verdicts = Caffeine.newBuilder().maximumSize(100_000).build();

    public PublishedMediaCheck(StoryMediaService storyMedia, MediaLibrary library, EntityManager entityManager, DeliveryChanges changes,
            Clock clock) {
        this.storyMedia = storyMedia;
        this.library = library;
        this.entityManager = entityManager;
        this.changes = changes;
        this.clock = clock;
        changes.onChange(verdicts::invalidateAll);
    }

    @Override
    public boolean isPublished(String assetId) {
        long generation = changes.generation();
        Instant now = Instant.now(clock);
        Verdict known = verdicts.getIfPresent(assetId);
        if (known != null && known.generation() == generation && now.isBefore(known.until())) {
            return known.published();
        }
        Verdict verdict = compute(assetId, generation, now);
        // A change committed meanwhile may have made it stale: answer this once, keep nothing.
        if (changes.generation() == generation) {
            verdicts.put(assetId, verdict);
        }
        return verdict.published();
    }

    private Verdict compute(String assetId, long generation, Instant now) {
        Instant longest = now.plus(LONGEST);
        // A video's poster is reached through the video: public while a published story shows that video.
        List<String> shownAs = new java.util.ArrayList<>(library.videosWithPoster(assetId));
        shownAs.add(assetId);
        List<String> stories = storyMedia.storiesReferencing(shownAs).values().stream().flatMap(List::stream).distinct().toList();
        if (stories.isEmpty()) {
            return new Verdict(generation, false, longest);
        }
        Timestamp at = Timestamp.from(now);
        Object[] row = (Object[]) NativeSql.bind(entityManager.createNativeQuery("""
                select coalesce(bool_or((embargo_until is null or embargo_until <= ?2) and (expires_at is null or expires_at > ?2)), false),
                       least(min(embargo_until) filter (where embargo_until > ?2), min(expires_at) filter (where expires_at > ?2))
                  from delivery_item where story_id in (?1)"""), stories, at).getSingleResult();
        Instant boundary = row[1] == null ? longest : SqlValues.instant(row[1]);
        return new Verdict(generation, (Boolean) row[0], boundary.isBefore(longest) ? boundary : longest);
    }
}
