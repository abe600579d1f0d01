package org.imagehub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.imagehub.testing.Consumers;
import org.imagehub.testing.Database;
import org.imagehub.testing.Eventually;
import org.junit.jupiter.api.Test;

/**
 * When every database connection is taken, or the database dropped them, the hub answers 503 with Retry-After in
 * bounded time, then recovers by itself.
 */
@QuarkusTest
class OverloadTests {

    @Test
    void anExhaustedPoolIsA503WithRetryAfterAndTheHubRecoversByItself() throws SQLException {
        String key = Consumers.reading().key();
        Consumers.withKey(key).get("/api/v1/stories?limit=3").then().statusCode(200);
        // Outbox handlers hold their claim's connection while they work (a rendition set takes a moment): let earlier
        // tests' work finish first, or a connection freed after the pool was drained would serve the request below.
        Eventually.until("an idle outbox", OverloadTests::outboxWorkLeft, left -> left == 0);
        List<Connection> held = new ArrayList<>();
        try {
            holdEveryFreeConnection(held);
            assertThat(held).isNotEmpty();
            // Parameters no earlier request used, so the answer cannot come from the response cache.
            Consumers.withKey(key).get("/api/v1/stories?limit=4&lang=fr,en").then().statusCode(503)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", equalTo("urn:image-hub:problem:unavailable")).body("status", equalTo(503))
                    .header("Retry-After", "2");
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        Consumers.withKey(key).get("/api/v1/stories?limit=4&lang=fr,en").then().statusCode(200);
    }

    @Test
    void connectionsTheDatabaseDroppedAre503WithRetryAfterNeverA500AndThePoolHeals() throws SQLException {
        String key = Consumers.reading().key();
        Consumers.withKey(key).get("/api/v1/stories?limit=3").then().statusCode(200);
        // Sessions are ended below: let other tests' outbox work finish first, so only this test sees the failures.
        Eventually.until("an idle outbox", OverloadTests::outboxWorkLeft, left -> left == 0);
        // What a database restart or fail-over does to a pool: every session it had is gone. The pool's connections are
        // held while their sessions end, so none is found dead (and discarded) by background work before the requests.
        List<Connection> held = new ArrayList<>();
        holdEveryFreeConnection(held);
        assertThat(held).isNotEmpty();
        List<Integer> sessions = new ArrayList<>();
        for (Connection connection : held) {
            try (Statement statement = connection.createStatement(); ResultSet pid = statement.executeQuery("select pg_backend_pid()")) {
                pid.next();
                sessions.add(pid.getInt(1));
            }
        }
        try (Statement statement = held.get(0).createStatement()) {
            statement.execute("select pg_terminate_backend(pid) from unnest(array" + sessions + ") as pid where pid <> pg_backend_pid()");
            statement.execute("select pg_terminate_backend(pg_backend_pid())");
        } catch (SQLException endedItself) {
            // The last session ends while it runs: that is the point.
        }
        for (Connection connection : held) {
            connection.close();
        }
        List<Integer> statuses = new ArrayList<>();
        for (int limit = 5; limit < 100 && !statuses.contains(200); limit++) {
            // A new limit each time: the answer must come from the database, not the response cache.
            Response response = Consumers.withKey(key).get("/api/v1/stories?lang=fr,vi&limit=" + limit);
            statuses.add(response.statusCode());
            if (response.statusCode() == 503) {
                response.then().contentType(startsWith("application/problem+json"))
                        .body("type", equalTo("urn:image-hub:problem:unavailable")).header("Retry-After", "2");
            }
        }
        assertThat(statuses).as("each answer while dead connections are discarded").containsOnly(503, 200).contains(503).endsWith(200);
    }

    private static long outboxWorkLeft() {
        return ((Number) Database.value("select count(*) from outbox_delivery where parked_at is null")).longValue()
                + ((Number) Database.value("select count(*) from media_asset where renditions_status = 'pending'")).longValue();
    }

    /** Takes connections until the pool has none left to give within its acquisition timeout. */
    private static void holdEveryFreeConnection(List<Connection> held) {
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        while (true) {
            try {
                held.add(dataSource.getConnection());
            } catch (SQLException exhausted) {
                return;
            }
        }
    }
}
