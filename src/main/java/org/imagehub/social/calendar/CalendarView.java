package org.imagehub.social.calendar;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The posts in a window, with the clashes and gaps a social team should look at. */
@Schema(name = "SocialCalendar", requiredProperties = {"from", "to", "items", "clashes", "gaps"})
public record CalendarView(Instant from, Instant to, List<Entry> items, List<Clash> clashes, List<Gap> gaps) {

    /** One scheduled post. */
    @Schema(name = "SocialCalendarEntry", requiredProperties = {"postId", "accountId", "network", "storyId", "lang", "state", "scheduledAt"})
    public record Entry(String postId, String accountId, @Schema(example = "x") String network, String handle, String storyId,
            @Schema(example = "fr") String lang, @Schema(example = "queued") String state, Instant scheduledAt,
            @Schema(example = "2026-10-25T09:00+01:00[Europe/Paris]") String scheduledLocal,
            @Schema(description = "The start of the post's words") String excerpt,
            @Schema(description = "Another post on the same account is closer than the minimum interval") boolean clash) {
    }

    /** Two posts on one account closer together than the minimum interval. */
    @Schema(name = "SocialCalendarClash", requiredProperties = {"accountId", "postIds", "minutesApart", "minimumMinutes"})
    public record Clash(String accountId, List<String> postIds, long minutesApart, long minimumMinutes) {
    }

    /** A stretch longer than the configured maximum with no post on an account. */
    @Schema(name = "SocialCalendarGap", requiredProperties = {"accountId", "from", "to", "hours"})
    public record Gap(String accountId, Instant from, Instant to, long hours) {
    }
}
