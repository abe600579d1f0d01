package org.imagehub.platform.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthFailureRoutingTests {

    @Test
    void theHubsHandlerIsInPlaceBeforeQuarkusRestsFilterRuns() {
        AuthFailureHandlerProbe.SEEN.set(null);
        given().header(AuthFailureHandlerProbe.HEADER, "1").get("/api/v1/ping").then().statusCode(200);
        // Had Quarkus REST's filter run first, it would have left its own handler (after building a request mapper).
        assertThat(AuthFailureRouting.isInPlace(AuthFailureHandlerProbe.SEEN.get()))
                .as("handler seen: %s", AuthFailureHandlerProbe.SEEN.get()).isTrue();
    }

    @Test
    void aRefusedKeyIsAProblemCountedUnderItsUrlTemplate() {
        String template = "uri=\"/api/v1/stories/{id}\"";
        double before = refusedCount(template);
        given().header("X-Api-Key", "ihk_not-a-key").get("/api/v1/stories/01m8tq4v52jac5m2z2hc6nt2zc").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
        given().get("/api/v1/stories/01m8tq4v52jac5m2z2hc6nt2zd").then().statusCode(401).contentType("application/problem+json");
        assertThat(refusedCount(template)).isEqualTo(before + 2);
        assertThat(given().get("/q/metrics").asString()).doesNotContain("uri=\"/api/v1/stories/01m8tq4v52jac5m2z2hc6nt2z");
    }

    /** The count of GET answers with status 401 under this URL template, from the Prometheus text. */
    private static double refusedCount(String template) {
        return given().get("/q/metrics").asString().lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{") && line.contains("method=\"GET\"")
                        && line.contains("status=\"401\"") && line.contains(template))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
