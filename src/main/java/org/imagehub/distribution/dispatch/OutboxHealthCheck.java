package org.imagehub.distribution.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.imagehub.distribution.OutboxHandler;
import org.imagehub.platform.HubConfig;

/**
 * Always UP: a lagging handler (search while Elasticsearch is down) must not take the hub out of service, since it
 * still serves reads and writes. The details name each handler whose oldest pending event is older than
 * {@code hub.outbox.lag-threshold}, with its lag, pending and parked counts.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {
    private final HandlerRegistry handlers;
    private final OutboxStats stats;
    private final Duration threshold;

    public OutboxHealthCheck(HandlerRegistry handlers, OutboxStats stats, HubConfig config) {
        this.handlers = handlers;
        this.stats = stats;
        this.threshold = config.outbox().lagThreshold();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox").up().withData("handlers", handlers.all().size());
        for (OutboxHandler handler : handlers.all()) {
            OutboxStats.HandlerStats of = stats.of(handler.name());
            if (of.oldestPendingAge().compareTo(threshold) > 0) {
                response.withData(handler.name(), "lagging " + of.oldestPendingAge().toSeconds() + " s: " + of.pending() + " pending, "
                        + of.parked() + " parked");
            }
        }
        return response.build();
    }
}
