package org.imagehub.platform.http;

import io.quarkus.runtime.BlockingOperationControl;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.function.Supplier;

/**
 * Work that may block (the database, the search index) for a request that may be on an event-loop thread: done at
 * once where blocking is allowed, else handed to a worker thread (the request's context goes with it). The hot read
 * paths answer from memory on the event loop and come here only for what memory does not hold; a hand-off to a
 * worker and back was a third of what a cached read cost.
 */
public final class BlockingWork {
    private BlockingWork() {
    }

    public static <T> Uni<T> run(Supplier<T> work) {
        Uni<T> uni = Uni.createFrom().item(work);
        return BlockingOperationControl.isBlockingAllowed() ? uni : uni.runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
