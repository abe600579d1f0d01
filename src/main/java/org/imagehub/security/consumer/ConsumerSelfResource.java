package org.imagehub.security.consumer;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Lets a consumer check its key: who it is and what it may read. */
@Path("/api/v1/consumer")
@Tag(name = "Consumer", description = "The calling consumer, as its API key identifies it.")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "apiKey")
@ConsumerApi
public class ConsumerSelfResource {
    private final CurrentConsumer consumer;

    public ConsumerSelfResource(CurrentConsumer consumer) {
        this.consumer = consumer;
    }

    public record Self(String id, String name, List<String> scopes, List<String> languages, List<String> topics, List<String> countries,
            int requestsPerMinute) {
    }

    @GET
    @Operation(summary = "Who this API key belongs to and what it may read", description = "Empty lists mean no restriction.")
    public Self get() {
        ConsumerAccess access = consumer.get();
        return new Self(access.consumerId(), access.name(), sorted(access.scopes()), sorted(access.languages()), sorted(access.topics()),
                sorted(access.countries()), access.requestsPerMinute());
    }

    private static List<String> sorted(java.util.Set<String> values) {
        return values.stream().sorted().toList();
    }
}
