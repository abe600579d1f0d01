package org.imagehub.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import org.imagehub.demo.embedded.EmbeddedElasticsearchServer;
import org.imagehub.testing.InjectElasticsearchServer;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthTests {
    @InjectElasticsearchServer
    EmbeddedElasticsearchServer elasticsearch;

    @Test
    void readinessReportsThreeNamedChecksAndLivenessIsUp() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("postgresql", "elasticsearch", "object-storage"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsArePrometheusText() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    /** Stopping Elasticsearch makes the hub not ready (but still alive); it recovers on its own when the node returns. */
    @Test
    void elasticsearchOutageTurnsReadinessDownAndBack() {
        elasticsearch.stopProcess();
        try {
            given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'elasticsearch' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'postgresql' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'object-storage' }.status", equalTo("UP"));
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            elasticsearch.startProcess();
        }
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'elasticsearch' }.status", equalTo("UP"));
    }
}
