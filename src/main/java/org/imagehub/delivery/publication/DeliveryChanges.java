package org.imagehub.delivery.publication;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The generation of the published view on this replica. It moves on after every committed change, here (after the
 * commit) or on another replica (told through PostgreSQL NOTIFY). A change names the stories it touched when it can,
 * so an answer about some stories only (a story's detail) outlives changes of other stories; an answer about the
 * whole view (a list, a feed) is kept only for the generation it was computed in.
 */
@ApplicationScoped
public class DeliveryChanges {
    /** Beyond this many remembered stories, the next change counts as a change of everything and the memory restarts. */
    static final int REMEMBERED_STORIES = 200_000;

    private final AtomicLong generation = new AtomicLong();
    /** The generation of the last change of everything (a lost NOTIFY connection, time passing a boundary). */
    private volatile long everythingChangedAt;
    /** Per story, the generation of its last change. */
    private final Map<String, Long> storyChangedAt = new ConcurrentHashMap<>();
    private final List<Consumer<Set<String>>> listeners = new CopyOnWriteArrayList<>();

    public long generation() {
        return generation.get();
    }

    /** Anything may have changed. */
    public void changed() {
        synchronized (this) {
            long next = generation.get() + 1;
            everythingChangedAt = next;
            storyChangedAt.clear();
            generation.set(next);
        }
        listeners.forEach(listener -> listener.accept(null));
    }

    /** These stories' published languages changed (and through them, every list and feed). */
    public void changed(Collection<String> storyIds) {
        if (storyIds.size() > REMEMBERED_STORIES) {
            changed();
            return;
        }
        Set<String> stories = Set.copyOf(storyIds);
        synchronized (this) {
            if (storyChangedAt.size() + stories.size() > REMEMBERED_STORIES) {
                everythingChangedAt = generation.get() + 1;
                storyChangedAt.clear();
            }
            // Marked before the generation moves: an answer computed from now on is stamped with the old one at most, and so stale.
            long next = generation.get() + 1;
            stories.forEach(id -> storyChangedAt.put(id, next));
            generation.set(next);
        }
        listeners.forEach(listener -> listener.accept(stories));
    }

    /** Whether nothing an answer about {@code storyIds}, computed at {@code since}, shows has changed after it. */
    public boolean unchangedSince(long since, Collection<String> storyIds) {
        if (everythingChangedAt > since) {
            return false;
        }
        for (String id : storyIds) {
            Long changedAt = storyChangedAt.get(id);
            if (changedAt != null && changedAt > since) {
                return false;
            }
        }
        return true;
    }

    /** Called after every change with the stories it touched, or null when anything may have changed. */
    public void onStoriesChanged(Consumer<Set<String>> listener) {
        listeners.add(listener);
    }

    /** Called after every change, whatever it touched. */
    public void onChange(Runnable listener) {
        listeners.add(stories -> listener.run());
    }
}
