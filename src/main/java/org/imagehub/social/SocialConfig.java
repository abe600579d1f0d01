package org.imagehub.social;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Social settings ({@code hub.social.*}): where the network rules live, leases, calendar checks. */
@ConfigMapping(prefix = "hub.social")
public interface SocialConfig {
    /** Folder of the network rule files (one JSON file per network), like {@code content-model/}. */
    @WithDefault("social-networks")
    String networksDir();

    /** How long a scheduler's claim on a post holds; an expired claim is offered again in {@code due}. */
    @WithDefault("10m")
    Duration leaseDuration();

    /** Two posts on one account closer than this are flagged as a clash on the calendar. */
    @WithDefault("60m")
    Duration minInterval();

    /** An account with no post for longer than this within the calendar's window is flagged as a gap. */
    @WithDefault("24h")
    Duration maxGap();
}
