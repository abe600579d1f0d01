package org.imagehub.delivery.webhooks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Webhook settings ({@code hub.webhooks.*}): who may be called, how hard the hub tries, and how long it waits. */
@ConfigMapping(prefix = "hub.webhooks")
public interface WebhookConfig {
    /** Receivers must use https (production); off only for local development and tests. */
    @WithDefault("true")
    boolean requireHttps();

    /**
     * Networks (CIDR) a receiver may be in although they are loopback, private or link-local: the configured
     * exceptions to the SSRF rules, e.g. an internal test receiver. None by default.
     */
    Optional<List<String>> allowedNetworks();

    /** How long a delivery is retried before it is parked in the dead-letter list. */
    @WithDefault("24h")
    Duration retryWindow();

    /** The first retry's delay; each next one doubles, up to {@link #backoffMax()}, with ±25 % jitter. */
    @WithDefault("10s")
    Duration backoffBase();

    @WithDefault("1h")
    Duration backoffMax();

    @WithDefault("5s")
    Duration connectTimeout();

    /** The longest the hub waits for a receiver's answer. */
    @WithDefault("10s")
    Duration readTimeout();

    /** How much of a receiver's answer is read (and kept in the delivery log); the rest is never read. */
    @WithDefault("2048")
    int responseExcerptBytes();

    /** Deliveries in flight at once to one subscription, unless the subscription says otherwise. */
    @WithDefault("4")
    int defaultConcurrency();

    /** Deliveries in flight at once from one replica, over all subscriptions. */
    @WithDefault("32")
    int senderThreads();

    /** How often due deliveries are looked for. */
    @WithDefault("200ms")
    Duration pollInterval();

    /** How long a replica owns a delivery it claimed: a replica that dies mid-send leaves it to others after this. */
    @WithDefault("2m")
    Duration claimFor();

    /** How long the previous secret still signs after a rotation, unless the rotation says otherwise. */
    @WithDefault("24h")
    Duration secretGrace();

    /**
     * How long delivered and parked deliveries (with their attempts and bodies) are kept: the delivery log, replays
     * and the receipts' webhook evidence reach back this far.
     */
    @WithDefault("30d")
    Duration retention();
}
