package org.imagehub.distribution.dispatch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dispatcher on /q/metrics. Counters and the lag timer count what this replica did; the pending, parked and
 * age gauges are the whole database's, read every {@code hub.outbox.stats-interval} (see {@link OutboxStats}).
 */
@ApplicationScoped
public class OutboxMetrics {
    private final MeterRegistry registry;
    private final Map<String, Meters> byHandler = new ConcurrentHashMap<>();

    public OutboxMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    private record Meters(Counter handled, Counter failed, Counter parked, Counter heldBack, Timer lag, Timer call) {
    }

    /** Registers a handler's meters, gauges included, so they exist (at 0) before its first event. */
    void register(String handler, OutboxStats stats) {
        meters(handler);
        Gauge.builder("hub.outbox.pending", stats, s -> s.of(handler).pending()).tag("handler", handler)
                .description("Events waiting for this handler (routed and not yet handled, parked excluded)").register(registry);
        Gauge.builder("hub.outbox.parked", stats, s -> s.of(handler).parked()).tag("handler", handler)
                .description("Events parked for this handler after hub.outbox.max-attempts failures").register(registry);
        Gauge.builder("hub.outbox.oldest.pending.age", stats, s -> s.of(handler).oldestPendingAge().toMillis() / 1000.0)
                .tag("handler", handler).baseUnit("seconds")
                .description("Age of the oldest event this handler has not handled yet (0 when none)").register(registry);
    }

    void registerUnrouted(OutboxStats stats) {
        Gauge.builder("hub.outbox.unrouted", stats, OutboxStats::unrouted)
                .description("Committed events not yet given their deliveries").register(registry);
    }

    void handled(String handler, int count) {
        meters(handler).handled().increment(count);
    }

    void failed(String handler, int count) {
        meters(handler).failed().increment(count);
    }

    void parked(String handler, int count) {
        meters(handler).parked().increment(count);
    }

    /** The handler looked for work and waited for a bulk import instead (see {@code OutboxHandler.yieldsToBulkWrites}). */
    void heldBack(String handler) {
        meters(handler).heldBack().increment();
    }

    /** From the event's creation (in the writer's transaction) to its handling. */
    void lag(String handler, Duration lag) {
        meters(handler).lag().record(lag.isNegative() ? Duration.ZERO : lag);
    }

    Timer.Sample startCall() {
        return Timer.start(registry);
    }

    void endCall(String handler, Timer.Sample sample) {
        sample.stop(meters(handler).call());
    }

    private Meters meters(String handler) {
        return byHandler.computeIfAbsent(handler, name -> new Meters(
                Counter.builder("hub.outbox.handled").tag("handler", name).description("Events this handler handled on this replica").register(registry),
                Counter.builder("hub.outbox.failed").tag("handler", name).description("Failed deliveries to this handler that will be retried").register(registry),
                Counter.builder("hub.outbox.parked.events").tag("handler", name).description("Events parked for this handler on this replica").register(registry),
                Counter.builder("hub.outbox.held.back").tag("handler", name)
                        .description("Times this handler left its events queued on this replica while a bulk import ran").register(registry),
                Timer.builder("hub.outbox.dispatch.lag").tag("handler", name).publishPercentiles(0.5, 0.99).publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofHours(1))
                        .description("Dispatch latency: from the event's commit to its handling by this handler").register(registry),
                Timer.builder("hub.outbox.handler.call").tag("handler", name)
                        .description("Time one handle(batch) call takes").register(registry)));
    }
}
