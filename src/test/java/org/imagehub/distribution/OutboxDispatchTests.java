package org.imagehub.distribution;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.imagehub.distribution.dispatch.DeliveryQueue;
import org.imagehub.distribution.dispatch.OutboxStats;
import org.imagehub.distribution.dispatch.Pruner;
import org.imagehub.testing.Api;
import org.imagehub.testing.Database;
import org.imagehub.testing.Eventually;
import org.imagehub.testing.OutboxProbes;
import org.imagehub.testing.OutboxProbes.Received;
import org.imagehub.testing.OutboxProbes.Rule;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher in the test hub, with the probe handlers of the test profile (probe-count, probe-flaky,
 * probe-broken; 4 attempts, 100 ms back-off): each probe takes every probe event, and is told through the
 * database which events to fail or to answer slowly.
 */
@QuarkusTest
class OutboxDispatchTests {
    private static final String MANAGE = "/api/v1/manage/outbox";
    @Inject
    Pruner pruner;
    @Inject
    OutboxStats stats;

    private final OutboxProbes probes = new OutboxProbes(() -> {
        try {
            return Database.asApplication();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    });

    private static String run() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void everyEventReachesEveryHandlerOnceAndEachAggregatesInCommitOrder() {
        String run = run();
        List<Long> ids = probes.write(run, 20, 10).ids();
        for (String handler : List.of("probe-count", "probe-flaky", "probe-broken")) {
            List<Received> received = Eventually.until(handler + " received all", () -> probes.received(handler, run),
                    all -> OutboxProbes.okCounts(all).size() == ids.size());
            assertThat(received).as("no failures, so no repeats").hasSize(ids.size()).allMatch(Received::ok);
            assertThat(OutboxProbes.outOfOrder(received)).isEmpty();
        }
    }


    @Test
    void aClaimHeldWhileAHandlerWorksHoldsNoTransactionIdSoVacuumAndOtherClaimsAreNotHeldBack() {
        String run = run();
        long slow = probes.write(run, 1, 1, new Rule("probe-flaky", 0, 0, 0, 3000)).id(0, 0);
        // While probe-flaky sleeps, its claim's transaction is open (idle), named in pg_stat_activity.
        String claimSessions = """
                select count(*) || ' open, ' || count(backend_xid) || ' with an id, ' || count(backend_xmin) || ' with a snapshot'
                  from pg_stat_activity where state = 'idle in transaction' and application_name = ?""";
        String seen = Eventually.until("the slow claim open", () -> (String) Database.value(claimSessions, DeliveryQueue.CLAIM_NAME),
                s -> !s.startsWith("0 "));
        assertThat(seen).endsWith(" 0 with an id, 0 with a snapshot");
        Eventually.until("probe-flaky handled it", () -> OutboxProbes.okCounts(probes.received("probe-flaky", run)), ok -> ok.containsKey(slow));
    }
    @Test
    void aHandlerFailingThreeTimesSeesTheEventExactlyOnceMoreAndItsAggregateWaitsForIt() {
        String run = run();
        OutboxProbes.Written written = probes.write(run, 3, 4, new Rule("probe-flaky", 1, 1, 3, 0));
        long failing = written.id(1, 1);
        List<Received> received = Eventually.until("probe-flaky handled every event", () -> probes.received("probe-flaky", run),
                all -> OutboxProbes.okCounts(all).size() == written.ids().size());
        assertThat(received.stream().filter(r -> r.eventId() == failing).map(Received::ok).toList())
                .as("three failed deliveries, then exactly one more").containsExactly(false, false, false, true);
        assertThat(OutboxProbes.okCounts(received).values()).allMatch(count -> count == 1);
        assertThat(OutboxProbes.outOfOrder(received)).as("the failing event's aggregate waited behind it").isEmpty();
        assertThat(probes.parked("probe-flaky", failing)).isFalse();
        // The other handlers never failed, so they never saw anything twice.
        assertThat(probes.received("probe-count", run)).hasSize(written.ids().size()).allMatch(Received::ok);
    }

    @Test
    void aHandlerFailingAlwaysParksTheEventWhichAdminsListAndReplay() {
        String run = run();
        OutboxProbes.Written written = probes.write(run, 2, 2, new Rule("probe-broken", 0, 0, -1, 0), new Rule("probe-broken", 1, 1, -1, 0));
        long first = written.id(0, 0);
        long second = written.id(1, 1);
        Eventually.until("both parked", () -> probes.parked("probe-broken", first) && probes.parked("probe-broken", second), parked -> parked);
        // Parked, not blocking: the later event of the first aggregate went on.
        Eventually.until("the event after the parked one", () -> OutboxProbes.okCounts(probes.received("probe-broken", run)),
                ok -> ok.containsKey(written.id(0, 1)));

        Api.asAdmin().get(MANAGE + "/parked?handler=probe-broken&limit=100").then().statusCode(200)
                .body("items.eventId", hasItem((int) first))
                .body("items.find { it.eventId == " + first + " }.attempts", equalTo(4))
                .body("items.find { it.eventId == " + first + " }.lastError", containsString("told to fail"));
        probes.clearRule("probe-broken", first);
        probes.clearRule("probe-broken", second);

        Api.asAdmin().post(MANAGE + "/parked/probe-broken/{eventId}/replay", first).then().statusCode(200).body("replayed", equalTo(1));
        Api.asAdmin().post(MANAGE + "/parked/probe-broken/{eventId}/replay", first).then().statusCode(404);
        Api.asAdmin().body(Map.of("handler", "probe-broken", "fromEventId", second, "toEventId", second)).post(MANAGE + "/replays")
                .then().statusCode(200).body("replayed", equalTo(1));
        Eventually.until("both delivered after the replays", () -> OutboxProbes.okCounts(probes.received("probe-broken", run)),
                ok -> ok.containsKey(first) && ok.containsKey(second));
        assertThat(probes.parked("probe-broken", first)).isFalse();
        assertThat(Database.value("select count(*) from audit_entry where action = 'outbox.replay' and target_id = 'probe-broken'"))
                .isEqualTo(2L);
    }

    @Test
    void aSlowFailingHandlerDelaysNoOtherAndItsLagShowsInReadinessWhichStaysUp() {
        String run = run();
        // Every delivery of it takes 3 s and fails, as a call to a dependency that is down and times out.
        OutboxProbes.Written written = probes.write(run, 1, 1, new Rule("probe-broken", 0, 0, -1, 3000));
        long slow = written.id(0, 0);
        // Back-dated, so it is over the test profile's 2 s lag threshold at once.
        Database.update("update outbox_event set created_at = created_at - interval '10 minutes' where id = ?", slow);
        List<Long> others = probes.write(run + "x", 5, 2).ids();
        Eventually.until("probe-count handled them all", () -> OutboxProbes.okCounts(probes.received("probe-count", run + "x")).size(),
                handled -> handled == others.size());
        Eventually.until("the lag shown in readiness", () -> given().get("/q/health/ready").then().extract().body().asString(),
                body -> body.contains("probe-broken") && body.contains("lagging"));
        given().get("/q/health/ready").then().statusCode(200).body("checks.find { it.name == 'outbox' }.status", equalTo("UP"));
        Object countDone = Database.value("select max(received_at) from outbox_probe_delivery where handler = 'probe-count' and aggregate_id like ?",
                run + "x-%");
        Object brokenFirst = Eventually.until("probe-broken's first slow answer", () -> Database.value(
                "select min(received_at) from outbox_probe_delivery where handler = 'probe-broken' and event_id = ?", slow), first -> first != null);
        assertThat(((java.sql.Timestamp) countDone).toInstant()).as("probe-count was done before probe-broken's first call returned")
                .isBefore(((java.sql.Timestamp) brokenFirst).toInstant());

        probes.clearRule("probe-broken", slow);
        Eventually.until("delivered (after a replay if it was parked meanwhile)", () -> {
            if (probes.parked("probe-broken", slow)) {
                Api.asAdmin().post(MANAGE + "/parked/probe-broken/{eventId}/replay", slow);
            }
            return OutboxProbes.okCounts(probes.received("probe-broken", run));
        }, ok -> ok.containsKey(slow));
    }

    @Test
    void handledEventsArePrunedAfterTheRetentionButAParkedOneIsKept() throws Exception {
        String run = run();
        OutboxProbes.Written written = probes.write(run, 2, 1, new Rule("probe-broken", 0, 0, -1, 0));
        long parked = written.id(0, 0);
        long handled = written.id(1, 0);
        Eventually.until("parked", () -> probes.parked("probe-broken", parked), yes -> yes);
        Eventually.until("handled by all", () -> Database.value("select count(*) from outbox_delivery where event_id = ?", handled), left -> left.equals(0L));
        Database.update("update outbox_event set created_at = created_at - interval '30 days' where id in (?, ?)", parked, handled);
        while (pruner.prune(Instant.now().minus(Duration.ofDays(7))) > 0) {
            // batch after batch, as the scheduled run does
        }
        assertThat(Database.column("select id from outbox_event where id in (?, ?)", parked, handled)).containsExactly(parked);
        probes.clearRule("probe-broken", parked);
        Api.asAdmin().post(MANAGE + "/parked/probe-broken/{eventId}/replay", parked).then().statusCode(200);
    }

    @Test
    void metricsNameEachHandler() {
        probes.write(run(), 1, 1);
        Eventually.until("handled counted", () -> given().get("/q/metrics").then().extract().body().asString(),
                body -> body.contains("hub_outbox_handled_total{handler=\"probe-count\"}"));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().body().asString();
        for (String name : List.of("hub_outbox_pending{handler=\"probe-count\"}", "hub_outbox_parked{handler=\"probe-broken\"}",
                "hub_outbox_oldest_pending_age_seconds{handler=\"probe-flaky\"}", "hub_outbox_dispatch_lag_seconds_count{handler=\"probe-count\"}",
                "hub_outbox_failed_total{handler=", "hub_outbox_parked_events_total{handler=", "hub_outbox_unrouted ")) {
            assertThat(metrics).contains(name);
        }
    }

    @Test
    void onlyAdminsManageTheOutboxAndBadReplaysAreRefused() {
        Api.as("editor.mofa").get(MANAGE + "/handlers").then().statusCode(403);
        given().get(MANAGE + "/parked").then().statusCode(401);
        Api.asAdmin().get(MANAGE + "/handlers").then().statusCode(200).body("items.name", hasItem("probe-count"));
        Api.asAdmin().body(Map.of("fromEventId", 5)).post(MANAGE + "/replays").then().statusCode(400).body("errors[0].field", equalTo("handler"));
        Api.asAdmin().body(Map.of("handler", "no-such")).post(MANAGE + "/replays").then().statusCode(400);
        Api.asAdmin().body(Map.of("handler", "probe-count", "fromEventId", 9, "toEventId", 3)).post(MANAGE + "/replays").then().statusCode(400);
        Api.asAdmin().post(MANAGE + "/parked/probe-count/{eventId}/replay", "x").then().statusCode(400);
        Api.asAdmin().get(MANAGE + "/parked?limit=0").then().statusCode(400);
    }

    @Test
    void aHandlersOldestPendingEventIsMeasuredFromWhenItWasWritten() {
        String run = run();
        long slow = probes.write(run, 1, 1, new Rule("probe-flaky", 0, 0, 0, 4000)).id(0, 0);
        Eventually.until("routed to probe-flaky", () -> Database.value("select count(*) from outbox_delivery where handler = 'probe-flaky' and event_id = ?", slow),
                routed -> routed.equals(1L));
        // Written an hour ago, as far as the statistics can tell; nothing older is pending for probe-flaky.
        Database.update("update outbox_event set created_at = now() - interval '1 hour' where id = ?", slow);
        stats.refresh();
        OutboxStats.HandlerStats flaky = stats.of("probe-flaky");
        assertThat(flaky.pending()).isPositive();
        assertThat(flaky.oldestPendingAge()).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(70));
        Eventually.until("probe-flaky handled it", () -> OutboxProbes.okCounts(probes.received("probe-flaky", run)), ok -> ok.containsKey(slow));
    }
}
