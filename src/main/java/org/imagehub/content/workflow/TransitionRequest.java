package org.imagehub.content.workflow;

import java.time.Instant;

/**
 * A workflow action on one localization: {@code action} is submit, return, approve, publish, schedule, unschedule,
 * withdraw or archive; {@code comment} is for editors and approvers (required to withdraw); {@code publicReason}
 * (withdraw only) is what consumers are told; {@code at} is required to schedule.
 */
public record TransitionRequest(String action, String comment, String publicReason, Instant at) {
}
