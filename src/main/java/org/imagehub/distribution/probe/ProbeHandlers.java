package org.imagehub.distribution.probe;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.imagehub.distribution.OutboxHandler;
import org.imagehub.platform.HubConfig;

/** The probe handlers named in {@code hub.outbox.probe.handlers} (none by default). */
@ApplicationScoped
public class ProbeHandlers {
    private final List<OutboxHandler> configured;

    public ProbeHandlers(HubConfig config, AgroalDataSource dataSource) {
        HubConfig.Outbox.Probe probe = config.outbox().probe();
        this.configured = probe.handlers().orElse(List.of()).stream()
                .<OutboxHandler>map(name -> new ProbeHandler(name, probe.allTypes(), dataSource)).toList();
    }

    public List<OutboxHandler> configured() {
        return configured;
    }
}
