package org.imagehub.distribution.dispatch;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.imagehub.distribution.OutboxHandler;
import org.imagehub.distribution.probe.ProbeHandlers;

/** The handlers this replica runs: every {@link OutboxHandler} bean, plus the probe handlers when configured. */
@ApplicationScoped
public class HandlerRegistry {
    private final List<OutboxHandler> handlers;

    public HandlerRegistry(@All List<OutboxHandler> beans, ProbeHandlers probes) {
        List<OutboxHandler> all = new ArrayList<>(beans);
        all.addAll(probes.configured());
        Set<String> names = new HashSet<>();
        for (OutboxHandler handler : all) {
            if (!names.add(handler.name())) {
                // Two handlers sharing a name would share (and steal) each other's progress.
                throw new IllegalStateException("Two outbox handlers are named " + handler.name());
            }
        }
        this.handlers = List.copyOf(all);
    }

    public List<OutboxHandler> all() {
        return handlers;
    }

    public boolean exists(String name) {
        return handlers.stream().anyMatch(handler -> handler.name().equals(name));
    }
}
