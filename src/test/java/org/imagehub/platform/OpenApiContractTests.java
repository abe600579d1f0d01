package org.imagehub.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * openapi/openapi.json is the published contract: it must be exactly what the service serves. After an intended
 * API change, regenerate it with {@code ./mvnw verify -Dopenapi.update=true} and review the diff.
 */
@QuarkusTest
class OpenApiContractTests {
    private static final Path CONTRACT = Path.of("openapi/openapi.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theCommittedDocumentIsTheServedDocument() throws Exception {
        String served = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        JsonNode servedTree = JSON.readTree(served);
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(CONTRACT, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(servedTree) + "\n");
        }
        assertEquals(JSON.readTree(Files.readString(CONTRACT)), servedTree,
                "openapi/openapi.json differs from /q/openapi: run ./mvnw verify -Dopenapi.update=true and commit the diff");
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
