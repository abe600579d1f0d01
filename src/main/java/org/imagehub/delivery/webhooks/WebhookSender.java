package org.imagehub.delivery.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries: claims what its free threads can take, posts each signed (Standard Webhooks) on its own
 * thread, and records the outcome: delivered on 2xx; otherwise retried with exponential back-off and jitter until
 * the retry window from the first attempt is spent, then parked (and the subscription disabled when nothing at all
 * reached its receiver in that window). One receiver can hold at most its subscription's concurrency of threads,
 * each for at most the connect and read timeouts, so a slow or dead receiver never delays others.
 */
@ApplicationScoped
public class WebhookSender {
    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    private final SendQueue queue;
    private final ReceiverClient receivers;
    private final WebhookConfig config;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final Semaphore freeThreads;
    private ExecutorService senders;
    private ScheduledExecutorService poller;

    public WebhookSender(SendQueue queue, ReceiverClient receivers, WebhookConfig config, MeterRegistry metrics, Clock clock) {
        this.queue = queue;
        this.receivers = receivers;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
        this.freeThreads = new Semaphore(config.senderThreads());
    }

    void start(@Observes StartupEvent event) {
        java.util.concurrent.atomic.AtomicInteger numbers = new java.util.concurrent.atomic.AtomicInteger();
        senders = Executors.newFixedThreadPool(config.senderThreads(), daemon(() -> "webhook-sender-" + numbers.incrementAndGet()));
        poller = Executors.newSingleThreadScheduledExecutor(daemon(() -> "webhook-poller"));
        poller.scheduleWithFixedDelay(this::sendDue, config.pollInterval().toMillis(), config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static java.util.concurrent.ThreadFactory daemon(java.util.function.Supplier<String> names) {
        return task -> {
            Thread thread = new Thread(task, names.get());
            thread.setDaemon(true);
            return thread;
        };
    }

    void stop(@Observes ShutdownEvent event) {
        if (poller != null) {
            poller.shutdownNow();
            senders.shutdownNow();
        }
    }

    /** Claims and starts as many due deliveries as there are free threads, until none are due. */
    void sendDue() {
        try {
            int free;
            while ((free = freeThreads.availablePermits()) > 0) {
                List<SendQueue.Claimed> claimed = queue.claim(free, Instant.now(clock), config.claimFor());
                for (SendQueue.Claimed delivery : claimed) {
                    freeThreads.acquireUninterruptibly();
                    senders.execute(() -> {
                        try {
                            send(delivery);
                        } finally {
                            freeThreads.release();
                        }
                    });
                }
                if (claimed.size() < free) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            // The database is away, say: the next poll tries again, and claims that lapse are taken up then.
            LOG.warnf("Webhook deliveries not claimed: %s", e.getMessage());
        }
    }

    private void send(SendQueue.Claimed delivery) {
        Instant start = Instant.now(clock);
        Map<String, String> headers = new LinkedHashMap<>();
        long timestamp = start.getEpochSecond();
        headers.put("webhook-id", delivery.id());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSignature.header(delivery.secrets(), delivery.id(), timestamp, delivery.payload()));
        headers.put("User-Agent", "ImageHub-Webhooks/1");
        long began = System.nanoTime();
        ReceiverClient.Answer answer = receivers.post(delivery.url(), headers, delivery.payload());
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        Instant end = Instant.now(clock);
        Instant retryAt = answer.delivered() ? null : retryAt(delivery, end);
        // The log shows which secrets signed, never anything that would let a reader forge a signature.
        Map<String, String> logged = new LinkedHashMap<>(headers);
        logged.put("webhook-signature", "v1,… (" + delivery.secrets().size() + " signature" + (delivery.secrets().size() > 1 ? "s)" : ")"));
        try {
            queue.record(delivery, start, millis, logged, answer, retryAt);
            if (!answer.delivered() && retryAt == null && queue.disableIfDead(delivery, end, config.retryWindow())) {
                LOG.warnf("Webhook subscription %s disabled: every delivery failed for the whole retry window", delivery.subscriptionId());
            }
        } catch (RuntimeException e) {
            // Not recorded: the claim lapses and the delivery is sent again (receivers de-duplicate on webhook-id).
            LOG.warnf("Webhook delivery %s not recorded: %s", delivery.id(), e.getMessage());
        }
        String outcome = answer.delivered() ? "delivered" : retryAt == null ? "parked" : "failed";
        Counter.builder("hub.webhooks.deliveries").description("Webhook delivery attempts by outcome").tag("subscription", delivery.subscriptionId())
                .tag("outcome", outcome).register(metrics).increment();
        Timer.builder("hub.webhooks.latency").description("Time a receiver took to answer").tag("subscription", delivery.subscriptionId())
                .register(metrics).record(Duration.ofMillis(millis));
    }

    /** When to try again, or null when the retry window from the first attempt would be spent: then it is parked. */
    private Instant retryAt(SendQueue.Claimed delivery, Instant now) {
        long base = config.backoffBase().toMillis();
        long delay = Math.min(config.backoffMax().toMillis(), base << Math.min(delivery.attempt() - 1, 30));
        long jittered = (long) (delay * (0.75 + ThreadLocalRandom.current().nextDouble() * 0.5));
        Instant next = now.plusMillis(jittered);
        return next.isAfter(delivery.firstAttemptAt().plus(config.retryWindow())) ? null : next;
    }
}
