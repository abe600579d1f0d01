package org.imagehub.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imagehub.demo.embedded.EmbeddedStack;
import org.imagehub.demo.embedded.EmbeddedStackSettings;
import org.imagehub.testing.OutboxProbes;
import org.imagehub.testing.OutboxProbes.Received;
import org.imagehub.testing.OutboxProbes.Rule;
import org.imagehub.testing.PackagedHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher on two packaged hubs (production profile) sharing one database, as replicas in a cluster. The
 * production artifact carries no test handler: the hubs run the probe handlers (hub.outbox.probe.handlers), which
 * record what they receive and fail as told through the database; the events are written in SQL, as writers do.
 */
class OutboxDispatchIT {
    private static final Duration PATIENCE = Duration.ofMinutes(4);
    private static final int BATCH = 200;
    private static EmbeddedStack stack;
    private static Map<String, String> config;
    private static final List<PackagedHub> replicas = new ArrayList<>();
    private static OutboxProbes probes;

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        stack = EmbeddedStack.start(EmbeddedStackSettings.forTests());
        config = new HashMap<>(stack.quarkusConfig());
        config.put("quarkus.oidc.public-key",
                Base64.getEncoder().encodeToString(KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic().getEncoded()));
        config.put("quarkus.oidc.token.issuer", "outbox-dispatch-it");
        config.put("hub.paging.cursor-secret", "outbox-dispatch-it");
        config.put("hub.outbox.probe.handlers", "probe-count,probe-flaky");
        config.put("hub.outbox.batch-size", Integer.toString(BATCH));
        config.put("hub.outbox.backoff-base", "100ms");
        config.put("hub.outbox.max-attempts", "4");
        for (int i = 1; i <= 2; i++) {
            replicas.add(PackagedHub.start("dispatch-" + i, config));
        }
        for (PackagedHub replica : replicas) {
            replica.awaitReady(Duration.ofSeconds(120));
        }
        probes = new OutboxProbes(OutboxDispatchIT::connection);
    }

    @AfterAll
    static void stopAll() {
        replicas.forEach(PackagedHub::stop);
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void tenThousandEventsReachTheCountingHandlerOnceEachInCommitOrderPerAggregateThroughBothReplicas() throws Exception {
        OutboxProbes.Written written = probes.write("ten", 1_000, 10);
        List<Received> received = until("probe-count received all 10,000", () -> probes.received("probe-count", "ten"),
                all -> OutboxProbes.okCounts(all).size() == written.ids().size());
        assertThat(received).as("no failure, so no event twice").hasSize(10_000).allMatch(Received::ok);
        assertThat(OutboxProbes.outOfOrder(received)).isEmpty();
        for (PackagedHub replica : replicas) {
            assertThat(handled(replica, "probe-count")).as(replica.name() + " took part").isPositive();
        }
    }

    @Test
    void killingAReplicaMidDispatchLosesNothingAfterItsRestart() throws Exception {
        // Every 100th event makes probe-count's batch take 200 ms, so the kill lands while batches are in flight.
        List<Rule> slow = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            for (int aggregate = 0; aggregate < 500; aggregate += 100) {
                slow.add(new Rule("probe-count", aggregate, round, 0, 200));
            }
        }
        OutboxProbes.Written written = probes.write("kill", 500, 20, slow.toArray(Rule[]::new));
        until("dispatch under way", () -> probes.received("probe-count", "kill").size(), count -> count >= 1_000);
        PackagedHub victim = replicas.remove(0);
        victim.kill();
        assertThat(OutboxProbes.okCounts(probes.received("probe-count", "kill"))).as("killed mid-dispatch").hasSizeLessThan(10_000);
        PackagedHub restarted = PackagedHub.start(victim.name(), config).awaitReady(Duration.ofSeconds(120));
        replicas.add(restarted);

        List<Received> received = until("every event handled", () -> probes.received("probe-count", "kill"),
                all -> OutboxProbes.okCounts(all).size() == written.ids().size());
        long twice = OutboxProbes.okCounts(received).values().stream().filter(count -> count > 1).count();
        assertThat(twice).as("only the batches the killed replica had in flight come again").isLessThanOrEqualTo(2L * BATCH);
        assertThat(OutboxProbes.outOfOrder(received)).isEmpty();
    }

    @Test
    void aFailingHandlerDelaysNeitherTheOtherHandlerNorItsOtherAggregates() throws Exception {
        // probe-flaky fails the first event of aggregate 0 three times (then takes it); the rest flows meanwhile.
        OutboxProbes.Written written = probes.write("iso", 50, 4, new Rule("probe-flaky", 0, 0, 3, 0));
        long failing = written.id(0, 0);
        List<Received> flaky = until("probe-flaky handled every event", () -> probes.received("probe-flaky", "iso"),
                all -> OutboxProbes.okCounts(all).size() == written.ids().size());
        assertThat(flaky.stream().filter(r -> r.eventId() == failing).map(Received::ok).toList()).containsExactly(false, false, false, true);
        assertThat(OutboxProbes.outOfOrder(flaky)).isEmpty();
        List<Received> count = probes.received("probe-count", "iso");
        assertThat(count).hasSize(written.ids().size()).allMatch(Received::ok);
    }

    private static double handled(PackagedHub replica, String handler) throws Exception {
        Matcher value = Pattern.compile("hub_outbox_handled_total\\{handler=\"" + handler + "\"[^}]*} ([0-9.E]+)")
                .matcher(replica.get("/q/metrics").body());
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }

    private static <T> T until(String what, Supplier<T> probe, Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        T value = probe.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(100);
            value = probe.get();
        }
        return value;
    }

    private static Connection connection() {
        Map<String, String> settings = stack.quarkusConfig();
        try {
            return DriverManager.getConnection(settings.get("quarkus.datasource.jdbc.url"), settings.get("quarkus.datasource.username"),
                    settings.get("quarkus.datasource.password"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
