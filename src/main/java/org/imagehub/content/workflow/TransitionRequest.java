package org.imagehub.content.workflow;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A workflow action on one localization: {@code action} is submit, return, approve, publish, schedule, unschedule,
 * withdraw or archive; {@code comment} is for editors and approvers (required to withdraw); {@code publicReason}
 * (withdraw only) is what consumers are told; {@code at} is required to schedule.
 */
@Schema(requiredProperties = "action")
public record TransitionRequest(
        @Schema(enumeration = {"submit", "return", "approve", "publish", "schedule", "unschedule", "withdraw", "archive"}, example = "submit")
        String action,
        @Schema(description = "For editors and approvers; required to withdraw", maxLength = 2000) String comment,
        @Schema(description = "Withdraw only: what consumers are told", maxLength = 2000) String publicReason,
        @Schema(description = "Required to schedule: a future time to publish at") Instant at) {
}
