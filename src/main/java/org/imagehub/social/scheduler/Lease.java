package org.imagehub.social.scheduler;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A scheduler's claim on a post: report the result with {@code leaseId} before {@code leaseUntil}, or it is offered again. */
@Schema(name = "PostLease", requiredProperties = {"leaseId", "leaseUntil", "post"})
public record Lease(@Schema(example = "ls_01jd8x6m3v9q2w7r5t4y1k0zpa") String leaseId, Instant leaseUntil, DueItem post) {
}
