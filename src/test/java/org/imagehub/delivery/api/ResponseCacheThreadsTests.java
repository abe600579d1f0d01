package org.imagehub.delivery.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.imagehub.delivery.publication.DeliveryChanges;
import org.junit.jupiter.api.Test;

/**
 * The hot reads ask the response cache from the event loop: a current answer comes back on it, and whatever may block
 * (computing an answer, learning the published view's next time boundary from the database) happens on a worker.
 */
@QuarkusTest
class ResponseCacheThreadsTests {
    @Inject
    ResponseCache cache;
    @Inject
    DeliveryChanges changes;
    @Inject
    Vertx vertx;

    private final List<Boolean> computedWhereBlockingIsAllowed = new CopyOnWriteArrayList<>();

    @Test
    void aCurrentAnswerComesBackOnTheEventLoopAndEverythingThatMayBlockRunsOnAWorker() throws Exception {
        String story = "story-" + UUID.randomUUID();
        String key = "threads-test|" + story;
        Supplier<Optional<CachedAnswer>> compute = () -> {
            computedWhereBlockingIsAllowed.add(BlockingOperationControl.isBlockingAllowed());
            return Optional.of(CachedAnswer.of("{\"story\":\"" + story + "\"}", "application/json", Map.of()).about(story, List.of()));
        };

        Answered miss = askFromTheEventLoop(() -> cache.findSoon(key, compute, Duration.ZERO, null));
        assertThat(computedWhereBlockingIsAllowed).containsExactly(true);
        assertThat(miss.onEventLoop()).as("a miss is answered from the worker that computed it").isFalse();

        Answered hit = askFromTheEventLoop(() -> cache.findSoon(key, compute, Duration.ZERO, null));
        assertThat(hit.onEventLoop()).isTrue();
        assertThat(hit.body()).isEqualTo(miss.body());

        // Another story changed: the answer stays, but the new generation's time boundary is read from the database,
        // which the event loop must not do (Hibernate would refuse).
        changes.changed(List.of("another-" + UUID.randomUUID()));
        Answered afterOtherChange = askFromTheEventLoop(() -> cache.findSoon(key, compute, Duration.ZERO, null));
        assertThat(afterOtherChange.onEventLoop()).isFalse();
        assertThat(computedWhereBlockingIsAllowed).as("still current: not computed again").hasSize(1);
        assertThat(askFromTheEventLoop(() -> cache.findSoon(key, compute, Duration.ZERO, null)).onEventLoop()).isTrue();

        changes.changed(List.of(story));
        askFromTheEventLoop(() -> cache.findSoon(key, compute, Duration.ZERO, null));
        assertThat(computedWhereBlockingIsAllowed).containsExactly(true, true);
    }

    private record Answered(boolean onEventLoop, String body) {
    }

    private Answered askFromTheEventLoop(Supplier<Uni<Optional<CachedAnswer>>> ask) throws Exception {
        CompletableFuture<Answered> answered = new CompletableFuture<>();
        // A duplicated context on an event loop, as Vert.x gives each HTTP request.
        VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext()).runOnContext(ignored -> {
            assertThat(BlockingOperationControl.isBlockingAllowed()).as("asked on an event-loop thread").isFalse();
            // As for an HTTP request: its request context is active on the event loop and goes with the work to a worker.
            ManagedContext requestContext = Arc.container().requestContext();
            requestContext.activate();
            ask.get().onTermination().invoke(requestContext::terminate).subscribe().with(
                    found -> answered.complete(new Answered(io.vertx.core.Context.isOnEventLoopThread(),
                            new String(found.orElseThrow().body(), java.nio.charset.StandardCharsets.UTF_8))),
                    answered::completeExceptionally);
        });
        return answered.get(30, TimeUnit.SECONDS);
    }
}
