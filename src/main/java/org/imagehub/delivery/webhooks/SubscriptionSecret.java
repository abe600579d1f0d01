package org.imagehub.delivery.webhooks;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The signing secret, shown once: when the subscription is made and when the secret is rotated. */
@Schema(name = "WebhookSecret")
public record SubscriptionSecret(SubscriptionView subscription,
        @Schema(description = "Verify webhook-signature with it (Standard Webhooks); the hub shows it only now", example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret) {
}
