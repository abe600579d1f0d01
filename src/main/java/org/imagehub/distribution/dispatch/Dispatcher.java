package org.imagehub.distribution.dispatch;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.imagehub.distribution.OutboxHandler;
import org.imagehub.platform.BulkWrites;
import org.imagehub.platform.HubConfig;
import org.jboss.logging.Logger;

/**
 * Runs the outbox on this replica: one router thread and one worker thread per handler, so a slow or failing
 * handler only ever waits for itself. Every replica runs the same threads; the database decides who does what.
 */
@ApplicationScoped
public class Dispatcher {
    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final HubConfig.Outbox config;
    private final HandlerRegistry handlers;
    private final Router router;
    private final DeliveryQueue queue;
    private final OutboxMetrics metrics;
    private final OutboxStats stats;
    private final Clock clock;
    private final BulkWrites bulkWrites;
    private final List<Thread> threads = new ArrayList<>();
    private final Map<String, Semaphore> wakeUps = new HashMap<>();
    private volatile boolean running;

    public Dispatcher(HubConfig config, HandlerRegistry handlers, Router router, DeliveryQueue queue, OutboxMetrics metrics, OutboxStats stats,
            Clock clock, BulkWrites bulkWrites) {
        this.config = config.outbox();
        this.handlers = handlers;
        this.router = router;
        this.queue = queue;
        this.metrics = metrics;
        this.stats = stats;
        this.clock = clock;
        this.bulkWrites = bulkWrites;
    }

    void start(@Observes StartupEvent started) {
        metrics.registerUnrouted(stats);
        handlers.all().forEach(handler -> metrics.register(handler.name(), stats));
        if (!config.dispatchEnabled()) {
            LOG.info("Outbox dispatch is off on this replica (hub.outbox.dispatch-enabled=false)");
            return;
        }
        running = true;
        Backoff backoff = new Backoff(config.backoffBase(), config.backoffMax());
        for (OutboxHandler handler : handlers.all()) {
            HandlerWorker worker = new HandlerWorker(handler, queue, metrics, backoff, config.batchSize(), config.maxAttempts(), clock,
                    bulkWrites, config.bulkWriteYield());
            Semaphore wakeUp = new Semaphore(0);
            wakeUps.put(handler.name(), wakeUp);
            threads.add(thread("outbox-" + handler.name(), () -> loop(worker.name(), worker::dispatchOnce, wakeUp)));
        }
        threads.add(thread("outbox-router", () -> loop("router", this::routeOnce, new Semaphore(0))));
        threads.forEach(Thread::start);
        LOG.infof("Outbox dispatch started for %d handlers: %s", handlers.all().size(),
                handlers.all().stream().map(OutboxHandler::name).toList());
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Thread thread(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    private int routeOnce() throws SQLException {
        Router.Routed routed = router.route(config.routeBatchSize());
        // Only the handlers that have something new: a woken worker claims, and an empty claim is a wasted round trip.
        routed.handlers().forEach(handler -> wakeUps.get(handler).release());
        // A full batch means more are waiting: go on at once.
        return routed.events() == config.routeBatchSize() ? routed.events() : 0;
    }

    private interface Step {
        int run() throws Exception;
    }

    private void loop(String name, Step step, Semaphore wakeUp) {
        Duration idle = config.pollInterval();
        while (running) {
            // Before the step: a wake-up that arrives while it runs is not lost.
            wakeUp.drainPermits();
            try {
                if (step.run() > 0) {
                    continue;
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                // The database is away or refused a statement: nothing is lost (the claim rolled back); try again.
                LOG.warnf("Outbox %s: %s", name, e.toString());
                idle = config.pollInterval().multipliedBy(5);
            }
            try {
                wakeUp.tryAcquire(idle.toMillis(), TimeUnit.MILLISECONDS);
                idle = config.pollInterval();
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
