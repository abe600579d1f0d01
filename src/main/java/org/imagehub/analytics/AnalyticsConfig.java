package org.imagehub.analytics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Analytics settings ({@code hub.analytics.*}). */
@ConfigMapping(prefix = "hub.analytics")
public interface AnalyticsConfig {
    /**
     * How often counted reads go to the database (they are counted in memory in between). Each flush writes one row per
     * story, language, consumer, channel and minute read since the last: under random reads over 100,000 × 3 stories a
     * flush every 10 s wrote ~70,000 rows, six times the rows a minute's reads make; once a minute, about two.
     */
    @WithDefault("60s")
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

    /**
     * The largest share of the time the scheduled daily roll-up may keep the database busy: it recomputes today whole,
     * and under heavy reads today's counts grow all day, so a run that took 6 s waits 54 s before the next.
     */
    @WithDefault("0.1")
    double rollupMaxBusyShare();

    /** Most events in one request. */
    @WithDefault("100")
    int maxBatch();
}
