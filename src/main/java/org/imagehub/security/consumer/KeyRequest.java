package org.imagehub.security.consumer;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Issuing a key: when it stops working (required, so no key lives forever by accident). */
public record KeyRequest(@Schema(description = "A future time at most three years ahead (default: in a year)") Instant expiresAt) {
}
