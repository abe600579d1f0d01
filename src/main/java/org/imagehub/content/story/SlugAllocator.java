package org.imagehub.content.story;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imagehub.platform.errors.ConflictException;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.IndexPathsOnly;
import org.imagehub.platform.NativeSql;

/**
 * Gives each localization a slug unique within its language, with one query for a whole batch. A slug the
 * editor chose must be free (409 otherwise); a derived slug that is taken gets a short suffix from the
 * localization's id.
 */
@ApplicationScoped
class SlugAllocator {
    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transaction;

    SlugAllocator(EntityManager entityManager, TransactionSynchronizationRegistry transaction) {
        this.entityManager = entityManager;
        this.transaction = transaction;
    }

    /**
     * What to allocate: the editor's slug, else the one derived from the title (see ValidLocalization.titleSlug);
     * {@code field} names the slug's place in the request for error messages.
     */
    record Request(String storyId, String localizationId, String lang, String explicitSlug, String titleSlug, String field) {
    }

    /** Allocated slugs by localization id; fails with every clash of an explicit slug at once. */
    Map<String, String> allocate(List<Request> requests) {
        Map<String, String> wanted = new HashMap<>();
        for (Request request : requests) {
            String slug = request.explicitSlug() != null ? request.explicitSlug() : request.titleSlug();
            wanted.put(request.localizationId(), slug.isEmpty() ? "story" : slug);
        }
        // Index look-ups by design; a bulk import into empty tables would have them planned as scans from stale statistics.
        // A live revision keeps its slug while a newer draft renames it: that slug stays taken for other stories.
        List<Map<String, String>> owners = IndexPathsOnly.during(entityManager,
                () -> List.of(takenSlugs(requests, wanted), liveSlugOwners(requests, wanted)));
        Map<String, String> takenBy = owners.get(0);
        Map<String, String> liveFor = owners.get(1);
        Map<String, String> allocated = new HashMap<>();
        List<FieldError> clashes = new ArrayList<>();
        Set<String> usedInBatch = new HashSet<>();
        Map<String, String> earlier = allocatedInTransaction();
        for (Request request : requests) {
            String slug = wanted.get(request.localizationId());
            String key = request.lang() + "/" + slug;
            String owner = takenBy.getOrDefault(key, earlier.get(key));
            String liveOwner = liveFor.get(key);
            boolean taken = (owner != null && !owner.equals(request.localizationId())) || (liveOwner != null && !liveOwner.equals(request.storyId()))
                    || usedInBatch.contains(key);
            if (taken && request.explicitSlug() != null) {
                clashes.add(new FieldError(request.field(), "duplicate", "slug '" + slug + "' is already used in " + request.lang()));
                continue;
            }
            if (taken) {
                slug = slug + "-" + request.localizationId().substring(request.localizationId().length() - 6);
                key = request.lang() + "/" + slug;
            }
            usedInBatch.add(key);
            allocated.put(request.localizationId(), slug);
        }
        if (!clashes.isEmpty()) {
            throw new ConflictException(clashes.get(0).message() + ".", clashes);
        }
        for (Request request : requests) {
            earlier.put(request.lang() + "/" + allocated.get(request.localizationId()), request.localizationId());
        }
        return allocated;
    }

    /**
     * Slugs given out earlier in this transaction, whose rows may still wait in the insert batch (the lookup does not
     * flush): two stories of one import chunk with the same title must not both get the bare slug, or the unique
     * index fails the whole chunk at commit and every line of it is written again one by one.
     */
    @SuppressWarnings("unchecked")
    private Map<String, String> allocatedInTransaction() {
        if (transaction.getTransactionKey() == null) {
            return new HashMap<>();
        }
        Map<String, String> earlier = (Map<String, String>) transaction.getResource(SlugAllocator.class);
        if (earlier == null) {
            earlier = new HashMap<>();
            transaction.putResource(SlugAllocator.class, earlier);
        }
        return earlier;
    }

    /**
     * Owners (story ids) of the wanted slugs held by a live revision older than the draft: the localization row has
     * the draft's slug, the live one beside it ({@code live_slug}, V50). Few localizations have a draft ahead of their
     * live revision, and only those are in the index this reads.
     */
    private Map<String, String> liveSlugOwners(List<Request> requests, Map<String, String> wanted) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = NativeSql.bind(entityManager.createNativeQuery("""
                        select lang, live_slug, story_id from localization
                        where published_revision <> current_revision and lang = any(cast(?1 as text[])) and live_slug = any(cast(?2 as text[]))"""),
                        requests.stream().map(Request::lang).distinct().toArray(String[]::new),
                        new HashSet<>(wanted.values()).toArray(String[]::new))
                .setFlushMode(jakarta.persistence.FlushModeType.COMMIT)
                .getResultList();
        Map<String, String> owners = new HashMap<>();
        for (Object[] row : rows) {
            owners.put(row[0] + "/" + row[1], (String) row[2]);
        }
        return owners;
    }

    private Map<String, String> takenSlugs(List<Request> requests, Map<String, String> wanted) {
        Set<String> languages = new HashSet<>();
        requests.forEach(request -> languages.add(request.lang()));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = NativeSql.bind(entityManager.createNativeQuery(
                        "select lang, slug, id from localization where lang = any(cast(?1 as text[])) and slug = any(cast(?2 as text[]))"),
                        languages.toArray(String[]::new), new HashSet<>(wanted.values()).toArray(String[]::new))
                // Not flushing first keeps a bulk import's inserts batched; a clash with a row still pending in this
                // transaction is caught by the unique index at commit instead.
                .setFlushMode(jakarta.persistence.FlushModeType.COMMIT)
                .getResultList();
        Map<String, String> taken = new HashMap<>();
        for (Object[] row : rows) {
            taken.put(row[0] + "/" + row[1], (String) row[2]);
        }
        return taken;
    }
}
