package org.imagehub.social.scheduler;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A post that is out and must come down: delete it on the network, then report {@code taken-down}. */
@Schema(name = "Takedown", requiredProperties = {"id", "accountId", "network", "handle", "requestedAt"})
public record Takedown(String id, String accountId, @Schema(example = "x") String network, String handle, String externalId, String externalUrl,
        @Schema(example = "story withdrawn") String reason, Instant requestedAt) {
}
