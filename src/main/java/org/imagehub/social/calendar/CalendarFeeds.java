package org.imagehub.social.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.imagehub.platform.Hashes;
import org.imagehub.platform.errors.NotFoundException;
import org.imagehub.security.Actor;
import org.imagehub.security.organisation.OrganisationService;
import org.imagehub.social.SocialPermissions;

/**
 * Each organisation's social calendar as an iCalendar feed that calendar apps subscribe to. Those apps cannot send a
 * bearer token, so the feed's address carries a secret: issued by an approver, shown once, kept as a hash, replaced
 * (and the old address dead) by issuing again.
 */
@ApplicationScoped
public class CalendarFeeds {
    static final Duration PAST = Duration.ofDays(30);
    static final Duration AHEAD = Duration.ofDays(90);
    private static final Duration POST_LENGTH = Duration.ofMinutes(15);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SocialCalendar calendar;
    private final OrganisationService organisations;
    private final EntityManager entityManager;
    private final Clock clock;

    public CalendarFeeds(SocialCalendar calendar, OrganisationService organisations, EntityManager entityManager, Clock clock) {
        this.calendar = calendar;
        this.organisations = organisations;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** A new feed address for the organisation (relative to the hub); the previous one stops working. */
    @Transactional
    public String issue(String organisation, Actor actor) {
        SocialPermissions.requireApprover(actor, organisation);
        if (!organisations.exists(organisation)) {
            throw new NotFoundException("No organisation '" + organisation + "'.");
        }
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        entityManager.createNativeQuery("""
                insert into social_calendar_feed (organisation, token_hash, issued_by, issued_at) values (?1, ?2, ?3, ?4)
                on conflict (organisation) do update set token_hash = excluded.token_hash, issued_by = excluded.issued_by, issued_at = excluded.issued_at""")
                .setParameter(1, organisation).setParameter(2, Hashes.sha256Hex(token)).setParameter(3, actor.userId())
                .setParameter(4, Instant.now(clock)).executeUpdate();
        return "/api/v1/social/calendars/" + organisation + ".ics?token=" + token;
    }

    /** The feed, when the token is the organisation's current one; otherwise "not found" (nothing tells which part was wrong). */
    @Transactional
    public byte[] feed(String organisation, String token) {
        if (token == null || token.length() > 100 || !matches(organisation, token)) {
            throw new NotFoundException("No calendar feed at this address.");
        }
        Instant now = Instant.now(clock);
        return write(organisation, calendar.ofOrganisation(organisation, now.minus(PAST), now.plus(AHEAD)), now);
    }

    private boolean matches(String organisation, String token) {
        @SuppressWarnings("unchecked")
        List<String> hashes = entityManager.createNativeQuery("select token_hash from social_calendar_feed where organisation = ?1")
                .setParameter(1, organisation).getResultList();
        return !hashes.isEmpty() && MessageDigest.isEqual(hashes.get(0).getBytes(), Hashes.sha256Hex(token).getBytes());
    }

    static byte[] write(String organisation, CalendarView view, Instant now) {
        Calendar ics = new Calendar();
        ics.add(new ProdId("-//Image Hub//Social calendar//EN"));
        ics.add(ImmutableVersion.VERSION_2_0);
        ics.add(ImmutableCalScale.GREGORIAN);
        ics.add(new XProperty("X-WR-CALNAME", "Social posts — " + organisation));
        java.util.Set<String> clashing = new java.util.HashSet<>();
        view.clashes().forEach(clash -> clashing.addAll(clash.postIds()));
        for (CalendarView.Entry entry : view.items()) {
            String flag = clashing.contains(entry.postId()) ? "⚠ clash · " : "";
            VEvent event = new VEvent(entry.scheduledAt(), POST_LENGTH, flag + entry.network() + " " + entry.handle() + " [" + entry.lang() + "] "
                    + entry.excerpt());
            event.add(new Uid(entry.postId() + "@image-hub"));
            event.add(new Description("State: " + entry.state() + "\nStory: " + entry.storyId() + "\nLocal time: " + entry.scheduledLocal()
                    + "\n\n" + entry.excerpt()));
            event.add(new Categories(entry.network()));
            Status status = new Status(switch (entry.state()) {
                case "cancelled", "failed", "taken-down", "takedown-requested" -> Status.VALUE_CANCELLED;
                case "queued", "claimed", "posted" -> Status.VALUE_CONFIRMED;
                default -> Status.VALUE_TENTATIVE;
            });
            event.add(status);
            ics.add(event);
        }
        // A gap between posts is worth an entry; an account with nothing at all in the window would only cover the calendar.
        for (CalendarView.Gap gap : view.gaps().stream().filter(gap -> !(gap.from().equals(view.from()) && gap.to().equals(view.to()))).toList()) {
            VEvent event = new VEvent(gap.from(), gap.to(), "Gap: no post on account " + gap.accountId() + " for " + gap.hours() + " h");
            event.add(new Uid("gap-" + gap.accountId() + "-" + gap.from().getEpochSecond() + "@image-hub"));
            event.add(ImmutableTransp.TRANSPARENT);
            ics.add(event);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            // Validation is off: it is strict about things calendar apps don't need (and slow); tests parse the result.
            new CalendarOutputter(false).output(ics, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
