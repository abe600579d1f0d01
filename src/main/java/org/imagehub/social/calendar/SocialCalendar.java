package org.imagehub.social.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.imagehub.content.workflow.EditorialPolicy;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.security.Actor;
import org.imagehub.social.SocialConfig;
import org.imagehub.social.account.SocialAccount;
import org.imagehub.social.post.ScheduleTime;
import org.imagehub.social.post.SocialPost;

/**
 * The social calendar: scheduled posts in a window, flagged where two on one account come closer than the minimum
 * interval and where an account goes quiet for longer than the maximum gap. Cancelled, failed and removed posts do
 * not hold a slot.
 */
@ApplicationScoped
public class SocialCalendar {
    /** A window is at most this long, and holds at most {@link #MAX_POSTS} posts: the answer's memory is bounded. */
    public static final Duration MAX_WINDOW = Duration.ofDays(92);
    public static final int MAX_POSTS = 5000;
    private static final Set<String> HOLDING_A_SLOT = Set.of("draft", "approved", "queued", "claimed", "posted", "takedown-requested");

    private final Duration minInterval;
    private final Duration maxGap;
    private final Clock clock;

    public SocialCalendar(SocialConfig config, Clock clock) {
        this.minInterval = config.minInterval();
        this.maxGap = config.maxGap();
        this.clock = clock;
    }

    /** The filters of a calendar request; nulls mean all. */
    public record Window(Instant from, Instant to, String accountId, String lang, String state) {
    }

    /** The calendar of the accounts the actor may see (its organisation's; all for admins and central approvers). */
    public CalendarView calendar(Actor actor, Window window) {
        Instant from = window.from() == null ? Instant.now(clock).minus(Duration.ofDays(1)) : window.from();
        Instant to = window.to() == null ? from.plus(Duration.ofDays(14)) : window.to();
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw ValidationException.of("query.to", "invalid-window", "after from, and at most " + MAX_WINDOW.toDays() + " days after it");
        }
        List<SocialAccount> accounts = SocialAccount.<SocialAccount>listAll().stream()
                .filter(account -> EditorialPolicy.actsForAll(actor) || account.organisation.equals(actor.organisation()))
                .filter(account -> window.accountId() == null || account.id.equals(window.accountId()))
                .filter(account -> window.lang() == null || account.languages.contains(window.lang()))
                .toList();
        return build(accounts, from, to, window.lang(), window.state(), true);
    }

    /**
     * The calendar of one organisation's accounts, for its iCalendar feed: the first {@link #MAX_POSTS} posts of the
     * window when it holds more (a subscribed calendar app has nobody to read a refusal).
     */
    public CalendarView ofOrganisation(String organisation, Instant from, Instant to) {
        return build(SocialAccount.<SocialAccount>list("organisation", organisation), from, to, null, null, false);
    }

    private CalendarView build(List<SocialAccount> accounts, Instant from, Instant to, String lang, String state, boolean refuseOverfull) {
        if (accounts.isEmpty()) {
            return new CalendarView(from, to, List.of(), List.of(), List.of());
        }
        Map<String, SocialAccount> byId = accounts.stream().collect(Collectors.toMap(account -> account.id, Function.identity()));
        List<SocialPost> posts = SocialPost.<SocialPost>find("accountId in ?1 and scheduledAt >= ?2 and scheduledAt < ?3 order by scheduledAt, id",
                byId.keySet(), from, to).page(0, MAX_POSTS + 1).list();
        if (posts.size() > MAX_POSTS && !refuseOverfull) {
            posts = posts.subList(0, MAX_POSTS);
        } else if (posts.size() > MAX_POSTS) {
            throw ValidationException.of("query.to", "window-too-full", "more than " + MAX_POSTS + " posts: choose a shorter window or one account");
        }
        List<SocialPost> holding = posts.stream().filter(post -> HOLDING_A_SLOT.contains(post.state)).toList();
        List<CalendarView.Clash> clashes = clashes(holding);
        Set<String> clashing = new HashSet<>();
        clashes.forEach(clash -> clashing.addAll(clash.postIds()));
        List<CalendarView.Entry> items = posts.stream()
                .filter(post -> lang == null || post.lang.equals(lang))
                .filter(post -> state == null || post.state.equals(state))
                .map(post -> entry(post, byId.get(post.accountId), clashing.contains(post.id))).toList();
        return new CalendarView(from, to, items, clashes, gaps(accounts, holding, from, to));
    }

    private List<CalendarView.Clash> clashes(List<SocialPost> posts) {
        List<CalendarView.Clash> clashes = new ArrayList<>();
        Map<String, List<SocialPost>> perAccount = posts.stream().collect(Collectors.groupingBy(post -> post.accountId));
        perAccount.forEach((accountId, ofAccount) -> {
            ofAccount.sort(Comparator.comparing((SocialPost post) -> post.scheduledAt).thenComparing(post -> post.id));
            for (int i = 1; i < ofAccount.size(); i++) {
                Duration apart = Duration.between(ofAccount.get(i - 1).scheduledAt, ofAccount.get(i).scheduledAt);
                if (apart.compareTo(minInterval) < 0) {
                    clashes.add(new CalendarView.Clash(accountId, List.of(ofAccount.get(i - 1).id, ofAccount.get(i).id), apart.toMinutes(),
                            minInterval.toMinutes()));
                }
            }
        });
        clashes.sort(Comparator.comparing(CalendarView.Clash::accountId).thenComparing(clash -> clash.postIds().get(0)));
        return clashes;
    }

    private List<CalendarView.Gap> gaps(List<SocialAccount> accounts, List<SocialPost> posts, Instant from, Instant to) {
        Map<String, List<Instant>> times = posts.stream().collect(Collectors.groupingBy(post -> post.accountId,
                Collectors.mapping(post -> post.scheduledAt, Collectors.toList())));
        List<CalendarView.Gap> gaps = new ArrayList<>();
        for (SocialAccount account : accounts.stream().filter(account -> account.active).sorted(Comparator.comparing(account -> account.id)).toList()) {
            List<Instant> moments = new ArrayList<>();
            moments.add(from);
            times.getOrDefault(account.id, List.of()).stream().sorted().forEach(moments::add);
            moments.add(to);
            for (int i = 1; i < moments.size(); i++) {
                Duration quiet = Duration.between(moments.get(i - 1), moments.get(i));
                if (quiet.compareTo(maxGap) > 0) {
                    gaps.add(new CalendarView.Gap(account.id, moments.get(i - 1), moments.get(i), quiet.toHours()));
                }
            }
        }
        return gaps;
    }

    private static CalendarView.Entry entry(SocialPost post, SocialAccount account, boolean clash) {
        // One line: calendar apps show it as a title.
        String words = post.text.replaceAll("\\s+", " ").strip();
        String excerpt = words.codePointCount(0, words.length()) > 120 ? words.substring(0, words.offsetByCodePoints(0, 120)) + "…" : words;
        return new CalendarView.Entry(post.id, post.accountId, account.network, account.handle, post.storyId, post.lang, post.state, post.scheduledAt,
                ScheduleTime.local(post.scheduledAt, ZoneId.of(account.timeZone)), excerpt, clash);
    }
}
