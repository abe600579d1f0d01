package org.imagehub.security.consumer;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record ConsumerView(@Schema(example = "cs_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") String id, @Schema(example = "Embassy in France website") String name, String kind, String organisation, List<String> scopes, List<String> languages,
        List<String> topics, List<String> countries, int requestsPerMinute, boolean active, long version, Instant createdAt, Instant updatedAt) {
    static ConsumerView of(Consumer consumer) {
        return new ConsumerView(consumer.id, consumer.name, consumer.kind, consumer.organisation, List.copyOf(consumer.scopes),
                List.copyOf(consumer.languages), List.copyOf(consumer.topics), List.copyOf(consumer.countries), consumer.requestsPerMinute,
                consumer.active, consumer.version, consumer.createdAt, consumer.updatedAt);
    }
}
