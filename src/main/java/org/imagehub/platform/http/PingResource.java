package org.imagehub.platform.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The cheapest answer the service gives: the baseline the benchmark compares real endpoints with. */
@Path("/api/v1/ping")
public class PingResource {
    private static final String PONG = "{\"status\":\"ok\"}";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Liveness of the API itself, with no work behind it", description = "Used as the bare baseline by the benchmark harness.")
    public String ping() {
        return PONG;
    }
}
