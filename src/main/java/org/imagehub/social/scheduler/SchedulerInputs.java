package org.imagehub.social.scheduler;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What schedulers send. */
public final class SchedulerInputs {
    private SchedulerInputs() {
    }

    /** A claim: how long the scheduler wants the lease (the hub's default when absent). */
    @Schema(name = "ClaimRequest")
    public record Claim(@Schema(description = "1 to 3600 seconds", example = "600") Integer leaseSeconds) {
    }

    /** The outcome of posting, or of a takedown. */
    @Schema(name = "PostResult", requiredProperties = {"status"})
    public record Result(
            @Schema(enumeration = {"posted", "failed", "taken-down"}) String status,
            @Schema(description = "The lease id the claim returned (posted, failed)", example = "ls_01jd8x6m3v9q2w7r5t4y1k0zpa") String leaseId,
            @Schema(description = "The network's id of the post (posted)", example = "1862293423000000000") String externalId,
            @Schema(description = "https address of the post on the network (posted)", example = "https://x.com/VietnamInFrance/status/1862293423000000000")
            String externalUrl,
            @Schema(description = "When it went out; now when absent") Instant postedAt,
            @Schema(description = "Why it failed (failed)", example = "media rejected: aspect ratio") String reason,
            @Schema(description = "Whether trying again may work (failed): a retryable failure is queued again") Boolean retryable) {
    }

    /** Cumulative figures read from the network at one instant. */
    @Schema(name = "PostMetrics", requiredProperties = {"at"})
    public record Metrics(
            @Schema(description = "When the figures were read") Instant at,
            @Schema(example = "15300") Long impressions,
            @Schema(example = "9100") Long reach,
            @Schema(example = "412") Long clicks,
            @Schema(example = "57") Long shares,
            @Schema(example = "23") Long comments) {
    }
}
