package org.imagehub.delivery.webhooks;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an admin (or the consumer itself) sets on a subscription; filters left out mean "all the consumer may read". */
@Schema(name = "WebhookSubscriptionInput", requiredProperties = {"url", "eventTypes"})
public record SubscriptionInput(
        @Schema(description = "https in production; never a loopback, private or link-local address", example = "https://embassy-fr.example/hooks/image-hub") String url,
        @Schema(example = "[\"story.published\", \"story.updated\", \"story.withdrawn\"]") List<String> eventTypes,
        @Schema(description = "Within the consumer's languages", example = "[\"fr\"]") List<String> languages,
        @Schema(description = "Within the consumer's topics") List<String> topics,
        @Schema(description = "Content types", example = "[\"article\", \"statement\"]") List<String> types,
        @Schema(description = "Within the consumer's countries") List<String> countries,
        @Schema(description = "Deliveries in flight at once (1 to 16)", example = "4") Integer maxConcurrency,
        @Schema(description = "false pauses deliveries; true re-enables a subscription the hub disabled") Boolean enabled) {
}
