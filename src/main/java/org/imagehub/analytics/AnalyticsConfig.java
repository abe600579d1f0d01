package org.imagehub.analytics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Analytics settings ({@code hub.analytics.*}). */
@ConfigMapping(prefix = "hub.analytics")
public interface AnalyticsConfig {
    /** How often counted API reads go to the database. */
    @WithDefault("10s")
    String readFlushInterval();

    /** How late an event may arrive (a page open offline, a queue drained later) and still fold into its day. */
    @WithDefault("7d")
    Duration lateEvents();

    /** Raw events are kept this long (whole months are dropped once past it); the daily roll-ups are kept. */
    @WithDefault("400d")
    Duration rawRetention();

    /** How often the days that received events are rolled up again. */
    @WithDefault("1m")
    String rollupInterval();

    /** Most events in one request. */
    @WithDefault("100")
    int maxBatch();
}
