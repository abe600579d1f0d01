package org.imagehub.social.post;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import org.imagehub.platform.errors.ValidationException;

/**
 * A scheduled time as social teams give it: a wall-clock time in the account's zone, or an exact instant. Wall-clock
 * times go through the zone's rules for that date, so 09:00 Europe/Paris is 07:00Z in summer and 08:00Z in winter,
 * and a time the clocks skip (02:30 on the spring change) is refused rather than silently moved.
 */
public final class ScheduleTime {
    private ScheduleTime() {
    }

    public static Instant parse(String value, ZoneId zone, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            // not an instant: a wall-clock time, below
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ValidationException.of(field, "invalid-time", "a local date-time (2026-10-25T09:00) or an instant with offset (2026-10-25T09:00+01:00)");
        }
        if (zone.getRules().getValidOffsets(local).isEmpty()) {
            throw ValidationException.of(field, "nonexistent-local-time", local + " does not exist in " + zone + " (the clocks skip it)");
        }
        try {
            // In the autumn overlap the earlier offset (summer time) is taken: the first time the clock shows it.
            return ZonedDateTime.ofLocal(local, zone, null).toInstant();
        } catch (DateTimeException e) {
            throw ValidationException.of(field, "invalid-time", e.getMessage());
        }
    }

    public static String local(Instant at, ZoneId zone) {
        return at == null ? null : ZonedDateTime.ofInstant(at, zone).toString();
    }
}
