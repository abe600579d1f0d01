package org.imagehub.delivery.publication;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The generation of the published view on this replica. It moves on after every committed change, here (after the
 * commit) or on another replica (told through PostgreSQL NOTIFY); caches keep an answer only for the generation it
 * was computed in.
 */
@ApplicationScoped
public class DeliveryChanges {
    private final AtomicLong generation = new AtomicLong();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public long generation() {
        return generation.get();
    }

    public void changed() {
        generation.incrementAndGet();
        listeners.forEach(Runnable::run);
    }

    public void onChange(Runnable listener) {
        listeners.add(listener);
    }
}
