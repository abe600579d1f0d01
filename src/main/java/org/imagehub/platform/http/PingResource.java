package org.imagehub.platform.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The cheapest answer the service gives: the baseline the benchmark compares real endpoints with. */
@Path("/api/v1/ping")
public class PingResource {
    private static final String PONG = "{\"status\":\"ok\"}";

    /** What {@link #PONG} is, for the document: the answer is written as a constant so that it costs nothing. */
    @Schema(requiredProperties = "status")
    record Pong(@Schema(enumeration = "ok") String status) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Liveness of the API itself, with no work behind it", description = "Used as the bare baseline by the benchmark harness.")
    @APIResponse(responseCode = "200", description = "Always the same answer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Pong.class),
                    examples = @ExampleObject(name = "pong", value = PONG)))
    public String ping() {
        return PONG;
    }
}
