package org.imagehub.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.imagehub.testing.Api;
import org.imagehub.testing.Clients;
import org.imagehub.testing.Database;
import org.imagehub.testing.Eventually;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiKeyTests {
    private static final String CONSUMERS = "/api/v1/manage/consumers";
    private static final String SELF = "/api/v1/consumer";

    @Test
    void aKeyIsShownOnceAndWorksAsBearerOrXApiKey() {
        String consumer = consumer(List.of("content:read"), List.of("fr"));
        Map<String, Object> issued = Api.asAdmin().body(Map.of()).post(CONSUMERS + "/" + consumer + "/keys").then().statusCode(201)
                .header("Cache-Control", "no-store").extract().path("");
        String key = (String) issued.get("key");
        assertThat(key).startsWith("ihk_").hasSizeGreaterThan(40);
        assertThat((String) issued.get("hint")).isEqualTo(key.substring(key.length() - 4));

        fromClient().header("X-Api-Key", key).get(SELF).then().statusCode(200).body("id", equalTo(consumer))
                .body("languages", equalTo(List.of("fr"))).header("RateLimit-Policy", "\"per-key\";q=600;w=60")
                .header("RateLimit", startsWith("\"per-key\";r=599;"));
        fromClient().header("Authorization", "Bearer " + key).get(SELF).then().statusCode(200);

        String listed = Api.asAdmin().get(CONSUMERS + "/" + consumer + "/keys").then().statusCode(200).extract().asString();
        assertThat(listed).doesNotContain(key).contains((String) issued.get("hint"));
        Eventually.until("last use recorded", () -> Api.asAdmin().get(CONSUMERS + "/" + consumer + "/keys").then().extract()
                .<String>path("items[0].lastUsedAt"), value -> value != null);
    }

    @Test
    void wrongExpiredAndRevokedKeysGet401() {
        String consumer = consumer(List.of("content:read"), List.of());
        fromClient().header("X-Api-Key", "ihk_not-a-key").get(SELF).then().statusCode(401)
                .contentType(startsWith("application/problem+json")).body("type", equalTo("urn:image-hub:problem:unauthenticated"));
        fromClient().get(SELF).then().statusCode(401);

        String shortLived = Api.asAdmin().body(Map.of("expiresAt", Instant.now().plusSeconds(2).toString()))
                .post(CONSUMERS + "/" + consumer + "/keys").then().statusCode(201).extract().path("key");
        fromClient().header("X-Api-Key", shortLived).get(SELF).then().statusCode(200);
        Eventually.until("key expiry", () -> fromClient().header("X-Api-Key", shortLived).get(SELF).statusCode(), status -> status == 401);

        Map<String, Object> issued = Api.asAdmin().body(Map.of()).post(CONSUMERS + "/" + consumer + "/keys").then().extract().path("");
        fromClient().header("X-Api-Key", (String) issued.get("key")).get(SELF).then().statusCode(200);
        Api.asAdmin().delete(CONSUMERS + "/" + consumer + "/keys/" + issued.get("id")).then().statusCode(200).body("revokedAt", startsWith("20"));
        fromClient().header("X-Api-Key", (String) issued.get("key")).get(SELF).then().statusCode(401);
    }

    @Test
    void aKeyWithoutTheScopeIsRefused() {
        String consumer = consumer(List.of("social:schedule"), List.of());
        String key = Api.asAdmin().body(Map.of()).post(CONSUMERS + "/" + consumer + "/keys").then().extract().path("key");
        fromClient().header("X-Api-Key", key).get(SELF).then().statusCode(403);
    }

    @Test
    void repeatedFailuresFromOneClientAreRateLimited() {
        String client = "127.0.9.1";
        for (int attempt = 0; attempt < 10; attempt++) {
            Clients.from(client).header("X-Api-Key", "ihk_guess_" + attempt).get(SELF).then().statusCode(401);
        }
        assertLimited(Clients.from(client).header("X-Api-Key", "ihk_guess_11").get(SELF));
        assertLimited(Clients.from(client).get(SELF));
        // Another client is not affected.
        fromClient().header("X-Api-Key", "ihk_guess_12").get(SELF).then().statusCode(401);
    }

    @Test
    void aFloodOfBadKeysNeverLocksOutAValidKeyFromTheSameAddress() {
        String key = Api.asAdmin().body(Map.of()).post(CONSUMERS + "/" + consumer(List.of("content:read"), List.of()) + "/keys").then()
                .extract().path("key");
        String sharedNat = "127.0.9.2";
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int attempt = 0; attempt < 30; attempt++) {
            statuses.add(Clients.from(sharedNat).header("X-Api-Key", "ihk_flood_" + attempt).get(SELF).statusCode());
        }
        assertThat(statuses.subList(0, 10)).containsOnly(401);
        assertThat(statuses.subList(10, 30)).containsOnly(429);

        Clients.from(sharedNat).header("X-Api-Key", key).get(SELF).then().statusCode(200);
        Clients.from(sharedNat).header("Authorization", "Bearer " + key).get(SELF).then().statusCode(200);
        // The good key did not reset the address's failures either.
        assertLimited(Clients.from(sharedNat).header("X-Api-Key", "ihk_flood_31").get(SELF));
    }

    @Test
    void aForwardedForHeaderFromAnUntrustedPeerNeitherDodgesNorMovesTheLimit() {
        // No trusted proxies are configured in tests, so the loopback peer's X-Forwarded-For is not believed.
        String peer = "127.0.9.3";
        for (int attempt = 0; attempt < 10; attempt++) {
            Clients.from(peer).header("X-Forwarded-For", "203.0.113." + (attempt + 1)).header("X-Api-Key", "ihk_rotating_" + attempt)
                    .get(SELF).then().statusCode(401);
        }
        assertLimited(Clients.from(peer).header("X-Forwarded-For", "203.0.113.77").header("X-Api-Key", "ihk_rotating_10").get(SELF));
        assertLimited(Clients.from(peer).header("X-Forwarded-For", "198.51.100.9, 127.0.9.3").header("X-Api-Key", "ihk_rotating_11")
                .get(SELF));
        // Nor can a header pin failures on someone else: another peer naming the limited address is still counted apart.
        Clients.from("127.0.9.4").header("X-Forwarded-For", peer).header("X-Api-Key", "ihk_rotating_12").get(SELF).then().statusCode(401);
    }

    private static void assertLimited(Response limited) {
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 61);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.jsonPath().getString("type")).isEqualTo("urn:image-hub:problem:rate-limited");
    }

    @Test
    void badRegistrationsAreExplained() {
        Api.asAdmin().body(Map.of("name", "", "kind", "robot", "scopes", List.of("everything"), "languages", List.of("fr_FR!"),
                "countries", List.of("XX"), "requestsPerMinute", 0)).post(CONSUMERS).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("name", "kind", "scopes[0]", "languages[0]", "countries[0]", "requestsPerMinute"));
        Api.as("editor.mofa").get(CONSUMERS).then().statusCode(403);
    }

    @Test
    void aKeyAppearsInNoLogAndNoTableInClearText() throws IOException {
        String consumer = consumer(List.of("content:read"), List.of());
        String key = Api.asAdmin().body(Map.of()).post(CONSUMERS + "/" + consumer + "/keys").then().extract().path("key");
        fromClient().header("X-Api-Key", key).get(SELF).then().statusCode(200);
        fromClient().header("X-Api-Key", key + "x").get(SELF).then().statusCode(401);
        Eventually.until("last use recorded", () -> Database.value("select count(*) from api_key where consumer_id = ? and last_used_at is not null",
                consumer), count -> ((Long) count) == 1L);

        String secret = key.substring("ihk_".length());
        assertThat(Files.readString(Path.of("target/quarkus-test.log"))).as("the test log").isNotEmpty().doesNotContain(secret);
        List<Object> columns = Database.column("""
                select format('select count(*) from %I where %I::text like $1', table_name, column_name) from information_schema.columns
                where table_schema = 'public' and data_type in ('text', 'jsonb', 'ARRAY', 'bytea', 'character varying')""");
        assertThat(columns).hasSizeGreaterThan(20);
        for (Object query : columns) {
            String sql = ((String) query).replace("$1", "?");
            assertThat(Database.value(sql, "%" + secret + "%")).as(sql).isEqualTo(0L);
        }
    }

    private static String consumer(List<String> scopes, List<String> languages) {
        return Api.asAdmin().body(Map.of("name", "Embassy site " + UUID.randomUUID(), "kind", "embassy-site", "scopes", scopes,
                "languages", languages)).post(CONSUMERS).then().statusCode(201).extract().path("id");
    }

    /** Requests from a client address of their own, so failed attempts in one test never rate-limit another. */
    private static io.restassured.specification.RequestSpecification fromClient() {
        return Clients.fresh();
    }
}
