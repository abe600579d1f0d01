package org.imagehub.delivery.webhooks;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription as the API shows it: never its secret. */
@Schema(name = "WebhookSubscription")
public record SubscriptionView(String id, String consumerId, String url, List<String> eventTypes, List<String> languages, List<String> topics,
        List<String> types, List<String> countries, int maxConcurrency, boolean enabled,
        @Schema(description = "Why the hub disabled it (every delivery failed for the whole retry window)") String disabledReason,
        Instant disabledAt, @Schema(description = "Until when the previous secret still signs, after a rotation") Instant previousSecretUntil,
        long version, Instant createdAt, Instant updatedAt) {

    static SubscriptionView of(WebhookSubscription s) {
        return new SubscriptionView(s.id, s.consumerId, s.url, List.copyOf(s.eventTypes), List.copyOf(s.languages), List.copyOf(s.topics),
                List.copyOf(s.types), List.copyOf(s.countries), s.maxConcurrency, s.enabled, s.disabledReason, s.disabledAt,
                s.previousSecretUntil, s.version, s.createdAt, s.updatedAt);
    }
}
