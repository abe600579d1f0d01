package org.imagehub.security.consumer;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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

    @Schema(requiredProperties = {"id", "name", "scopes", "languages", "topics", "countries", "requestsPerMinute"})
    public record Self(@Schema(example = "cs_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") String id, @Schema(example = "Embassy in France website") String name,
            @Schema(example = "[\"content:read\"]") List<String> scopes,
            @Schema(description = "BCP 47 tags; empty: every language", example = "[\"fr\", \"en\"]") List<String> languages,
            @Schema(description = "Topic codes; empty: every topic") List<String> topics,
            @Schema(description = "ISO 3166-1 alpha-2 codes; empty: every country") List<String> countries,
            @Schema(minimum = "1", example = "600") int requestsPerMinute) {
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
