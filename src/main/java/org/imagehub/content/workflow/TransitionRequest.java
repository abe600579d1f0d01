package org.imagehub.content.workflow;

import java.time.Instant;

/**
 * A workflow action on one localization: {@code action} is submit, return, approve, publish, schedule, unschedule,
 * withdraw or archive; {@code comment} is required to withdraw (the reason consumers are told); {@code at} is
 * required to schedule.
 */
public record TransitionRequest(String action, String comment, Instant at) {
}
