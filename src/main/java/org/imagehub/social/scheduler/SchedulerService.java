package org.imagehub.social.scheduler;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.imagehub.delivery.api.PublishedContent;
import org.imagehub.platform.errors.ConflictException;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.InvalidTransitionException;
import org.imagehub.platform.errors.NotFoundException;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.platform.ids.Ids;
import org.imagehub.platform.paging.Cursors;
import org.imagehub.security.Actor;
import org.imagehub.security.consumer.ConsumerAccess;
import org.imagehub.social.SocialConfig;
import org.imagehub.social.account.SocialAccount;
import org.imagehub.social.post.PostState;
import org.imagehub.social.post.PostStates;
import org.imagehub.social.post.SocialPost;
import org.imagehub.social.post.PostViews;

/**
 * The scheduler's side: posts due in a window for the accounts it posts for, claims with a lease, results, takedowns
 * and the figures it reads back from the networks. A scheduler sees nothing of accounts that are not its own: another
 * account's post is "not found", not "forbidden".
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SchedulerService {
    private static final String CURSOR_KIND = "due";
    private static final int MAX_LEASE_SECONDS = 3600;
    /** A post that failed this many times, retryable or not, waits for an editor. */
    static final int MAX_ATTEMPTS = 5;

    private final EntityManager entityManager;
    private final PostViews posts;
    private final PostStates states;
    private final PublishedContent published;
    private final Cursors cursors;
    private final Clock clock;
    private final Duration defaultLease;

    public SchedulerService(EntityManager entityManager, PostViews posts, PostStates states, PublishedContent published, Cursors cursors,
            Clock clock, SocialConfig config) {
        this.entityManager = entityManager;
        this.posts = posts;
        this.states = states;
        this.published = published;
        this.cursors = cursors;
        this.clock = clock;
        this.defaultLease = config.leaseDuration();
    }

    /** One page of due posts; {@code next} is null on the last. */
    public record DuePage(List<DueItem> items, String next) {
    }

    /** The window and filters of a due request, checked. */
    public record DueQuery(Instant from, Instant to, String network, String accountId, String cursor, int limit) {
    }

    /**
     * Approved posts scheduled in [from, to) that nobody holds (queued, or claimed with a lapsed lease), breaking
     * stories' first, then by time. A post whose story is not live now (embargoed again, expired) is held back.
     */
    @Transactional
    public DuePage due(ConsumerAccess consumer, DueQuery query) {
        Map<String, SocialAccount> accounts = accountsOf(consumer.consumerId(), query.network(), query.accountId());
        if (accounts.isEmpty()) {
            return new DuePage(List.of(), null);
        }
        Instant now = Instant.now(clock);
        StringBuilder sql = new StringBuilder("""
                select * from social_post p
                where p.state in ('queued', 'claimed') and (p.state = 'queued' or p.lease_until <= ?1)
                  and p.account_id = any(cast(?2 as text[])) and p.scheduled_at >= ?3 and p.scheduled_at < ?4""");
        List<Object> parameters = new ArrayList<>(List.of(now, accounts.keySet().toArray(String[]::new), query.from(), query.to()));
        if (query.cursor() != null) {
            String[] after = cursors.decode(query.cursor(), CURSOR_KIND, "cursor");
            sql.append(" and (not p.breaking, p.scheduled_at, p.id) > (?5, ?6, ?7)");
            parameters.add(Boolean.parseBoolean(after[0]));
            parameters.add(Instant.parse(after[1]));
            parameters.add(after[2]);
        }
        sql.append(" order by not p.breaking, p.scheduled_at, p.id limit ").append(query.limit() + 1);
        // Walk the due index in its order and stop after one page, whatever the window: a prepared statement's generic
        // plan (made once for any window) read every post of the accounts and sorted them, 15 ms a call at 10,000 posts;
        // planning each call for its window instead cost a millisecond of planning every time.
        planner("off");
        jakarta.persistence.Query statement = entityManager.createNativeQuery(sql.toString(), SocialPost.class)
                .setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setParameter(i + 1, parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<SocialPost> rows = statement.getResultList();
        planner("on");
        boolean more = rows.size() > query.limit();
        List<SocialPost> page = more ? rows.subList(0, query.limit()) : rows;
        Set<String> live = published.liveLanguages(page.stream().map(post -> post.storyId).collect(Collectors.toSet()));
        List<DueItem> items = page.stream().filter(post -> live.contains(post.storyId + "|" + post.lang))
                .map(post -> item(post, accounts.get(post.accountId))).toList();
        String next = null;
        if (more) {
            SocialPost last = page.get(page.size() - 1);
            next = cursors.encode(CURSOR_KIND, String.valueOf(!last.breaking), last.scheduledAt.toString(), last.id);
        }
        return new DuePage(items, next);
    }

    @Transactional
    public Lease claim(ConsumerAccess consumer, String postId, SchedulerInputs.Claim claim) {
        Duration lease = defaultLease;
        if (claim != null && claim.leaseSeconds() != null) {
            if (claim.leaseSeconds() < 1 || claim.leaseSeconds() > MAX_LEASE_SECONDS) {
                throw ValidationException.of("leaseSeconds", "out-of-range", "1 to " + MAX_LEASE_SECONDS + " seconds");
            }
            lease = Duration.ofSeconds(claim.leaseSeconds());
        }
        SocialPost post = lockOwn(consumer, postId);
        Instant now = Instant.now(clock);
        PostState state = PostState.of(post.state);
        if (!account(post).active) {
            throw new InvalidTransitionException("The post's account is inactive: its posts are not to go out.");
        }
        if (state == PostState.CLAIMED && post.leaseUntil.isAfter(now)) {
            throw new ConflictException("Claimed by another scheduler until " + post.leaseUntil + ".",
                    List.of(new FieldError("id", "claimed", "leased until " + post.leaseUntil)));
        }
        if (state != PostState.QUEUED && state != PostState.CLAIMED) {
            throw new InvalidTransitionException("A " + post.state + " post cannot be claimed.");
        }
        if (published.liveLanguages(Set.of(post.storyId)).stream().noneMatch((post.storyId + "|" + post.lang)::equals)) {
            throw new InvalidTransitionException("The post's story is not live in " + post.lang + " now; the post is held.");
        }
        post.version++;
        states.move(actor(consumer), post, PostState.CLAIMED, "claimed", null);
        post.leaseId = "ls_" + Ids.newId();
        post.leaseConsumer = consumer.consumerId();
        post.leaseUntil = now.plus(lease);
        return new Lease(post.leaseId, post.leaseUntil, item(post, account(post)));
    }

    /**
     * Records what became of a claimed post. A lapsed lease still counts when nobody claimed the post since (it did
     * go out); a result under a lease that was replaced is refused. Repeating a result already recorded is a no-op.
     */
    @Transactional
    public void result(ConsumerAccess consumer, String postId, SchedulerInputs.Result result) {
        if (result == null || result.status() == null || !Set.of("posted", "failed", "taken-down").contains(result.status())) {
            throw ValidationException.of("status", "invalid", "posted, failed or taken-down");
        }
        SocialPost post = lockOwn(consumer, postId);
        PostState state = PostState.of(post.state);
        Actor actor = actor(consumer);
        switch (result.status()) {
            case "taken-down" -> {
                if (state == PostState.TAKEN_DOWN) {
                    return;
                }
                if (state != PostState.TAKEDOWN_REQUESTED) {
                    throw new InvalidTransitionException("No takedown was asked for this " + post.state + " post.");
                }
                post.version++;
                states.move(actor, post, PostState.TAKEN_DOWN, "taken-down", post.stateReason);
            }
            case "posted" -> {
                String url = checkedUrl(result.externalUrl());
                if (result.externalId() == null || result.externalId().isBlank() || result.externalId().length() > 200) {
                    throw ValidationException.of("externalId", "required", "the network's id of the post, at most 200 characters");
                }
                if (state == PostState.POSTED && result.externalId().equals(post.externalId)) {
                    return;
                }
                Instant postedAt = result.postedAt() == null ? Instant.now(clock) : result.postedAt();
                if (postedAt.isAfter(Instant.now(clock).plusSeconds(300))) {
                    throw ValidationException.of("postedAt", "in-future", "when it went out: not in the future");
                }
                if (state == PostState.CANCELLED && post.leaseId != null && post.leaseId.equals(result.leaseId())) {
                    // Cancelled (or its story withdrawn) while the scheduler held it, and out all the same: it must come down.
                    post.externalId = result.externalId();
                    post.externalUrl = url;
                    post.postedAt = postedAt;
                    post.version++;
                    states.move(actor, post, PostState.TAKEDOWN_REQUESTED, "takedown-requested", "posted after it was cancelled (" + post.stateReason + ")");
                    return;
                }
                requireLease(post, state, result.leaseId());
                post.externalId = result.externalId();
                post.externalUrl = url;
                post.postedAt = postedAt;
                post.attempts++;
                post.version++;
                states.move(actor, post, PostState.POSTED, "posted", null);
            }
            default -> {
                if (result.reason() == null || result.reason().isBlank() || result.reason().length() > 2000) {
                    throw ValidationException.of("reason", "required", "why it failed, at most 2000 characters");
                }
                if (state == PostState.CANCELLED && post.leaseId != null && post.leaseId.equals(result.leaseId())) {
                    return;
                }
                requireLease(post, state, result.leaseId());
                post.attempts++;
                boolean retry = Boolean.TRUE.equals(result.retryable()) && post.attempts < MAX_ATTEMPTS;
                post.failureReason = result.reason();
                post.failureRetryable = Boolean.TRUE.equals(result.retryable());
                post.version++;
                if (retry) {
                    // Due again after a pause that doubles with each attempt (2, 4, 8, 16 minutes), not at once in a loop.
                    Instant retryAt = Instant.now(clock).plus(Duration.ofMinutes(1L << post.attempts));
                    post.scheduledAt = post.scheduledAt.isAfter(retryAt) ? post.scheduledAt : retryAt;
                }
                // The others (and the fifth failure) wait for an editor.
                states.move(actor, post, retry ? PostState.QUEUED : PostState.FAILED, "failed", result.reason());
            }
        }
    }

    /** Stores one reading; the same reading again changes nothing. Returns whether it was new. */
    @Transactional
    public boolean metrics(ConsumerAccess consumer, String postId, SchedulerInputs.Metrics metrics) {
        if (metrics == null || metrics.at() == null) {
            throw ValidationException.of("at", "required", "when the figures were read");
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, Long> figures = new java.util.LinkedHashMap<>();
        figures.put("impressions", metrics.impressions());
        figures.put("reach", metrics.reach());
        figures.put("clicks", metrics.clicks());
        figures.put("shares", metrics.shares());
        figures.put("comments", metrics.comments());
        figures.forEach((name, value) -> {
            if (value != null && value < 0) {
                errors.add(new FieldError(name, "negative", "a count, 0 or more"));
            }
        });
        if (metrics.at().isAfter(Instant.now(clock).plusSeconds(300))) {
            errors.add(new FieldError("at", "in-future", "figures cannot be read in the future"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The figures are invalid.", errors);
        }
        SocialPost post = lockOwn(consumer, postId);
        PostState state = PostState.of(post.state);
        if (state != PostState.POSTED && state != PostState.TAKEDOWN_REQUESTED && state != PostState.TAKEN_DOWN) {
            throw new InvalidTransitionException("Figures are taken for posted posts; this one is " + post.state + ".");
        }
        int inserted = entityManager.createNativeQuery("""
                insert into social_post_metrics (post_id, measured_at, impressions, reach, clicks, shares, comments, reported_by, received_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) on conflict (post_id, measured_at) do nothing""")
                .setParameter(1, post.id).setParameter(2, metrics.at()).setParameter(3, metrics.impressions()).setParameter(4, metrics.reach())
                .setParameter(5, metrics.clicks()).setParameter(6, metrics.shares()).setParameter(7, metrics.comments())
                .setParameter(8, consumer.consumerId()).setParameter(9, Instant.now(clock)).executeUpdate();
        if (inserted == 1) {
            return true;
        }
        Object[] stored = (Object[]) entityManager.createNativeQuery("""
                select impressions, reach, clicks, shares, comments from social_post_metrics where post_id = ?1 and measured_at = ?2""")
                .setParameter(1, post.id).setParameter(2, metrics.at()).getSingleResult();
        List<Long> given = new ArrayList<>(figures.values());
        for (int i = 0; i < stored.length; i++) {
            Long value = stored[i] == null ? null : ((Number) stored[i]).longValue();
            if (!java.util.Objects.equals(value, given.get(i))) {
                throw new ConflictException("Other figures were reported for this post at " + metrics.at() + ".",
                        List.of(new FieldError("at", "conflicting-figures", "a reading at this instant exists with other values")));
            }
        }
        return false;
    }

    /** Posts out on the networks that must come down, oldest request first. */
    public List<Takedown> takedowns(ConsumerAccess consumer) {
        Map<String, SocialAccount> accounts = accountsOf(consumer.consumerId(), null, null);
        if (accounts.isEmpty()) {
            return List.of();
        }
        return SocialPost.<SocialPost>find("state = ?1 and accountId in ?2 order by updatedAt, id", PostState.TAKEDOWN_REQUESTED.value(),
                        accounts.keySet()).page(0, 500).list().stream()
                .map(post -> new Takedown(post.id, post.accountId, accounts.get(post.accountId).network, accounts.get(post.accountId).handle,
                        post.externalId, post.externalUrl, post.stateReason, post.updatedAt))
                .toList();
    }

    private void requireLease(SocialPost post, PostState state, String leaseId) {
        if (state != PostState.CLAIMED) {
            throw new InvalidTransitionException("Only a claimed post takes a result; this one is " + post.state + ".");
        }
        if (leaseId == null || !leaseId.equals(post.leaseId)) {
            throw new ConflictException("The lease given is not the post's current lease (it lapsed and was claimed again, or never was).",
                    List.of(new FieldError("leaseId", "not-current-lease", "claim the post again")));
        }
    }

    /** Sequential scans, bitmap scans and sorts off (or back on) for the rest of the transaction. */
    private void planner(String onOrOff) {
        entityManager.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.Statement setting = connection.createStatement()) {
                setting.execute("set local enable_seqscan = " + onOrOff + "; set local enable_bitmapscan = " + onOrOff + "; set local enable_sort = " + onOrOff);
            }
        });
    }

    private static String checkedUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url);
            if (url.length() <= 2000 && "https".equals(uri.getScheme()) && uri.getHost() != null) {
                return url;
            }
        } catch (java.net.URISyntaxException e) {
            // refused below
        }
        throw ValidationException.of("externalUrl", "invalid-url", "an https address of at most 2000 characters");
    }

    private DueItem item(SocialPost post, SocialAccount account) {
        return new DueItem(post.id, post.accountId, account.network, account.handle, post.storyId, post.lang, post.finalText, posts.media(post),
                posts.linkInPost(post), List.copyOf(post.hashtags), List.copyOf(post.keyMessages), post.scheduledAt, account.timeZone,
                post.breaking ? "breaking" : "normal", post.state, post.attempts, post.version);
    }

    private Map<String, SocialAccount> accountsOf(String consumerId, String network, String accountId) {
        return SocialAccount.<SocialAccount>find("schedulerConsumer = ?1 and active = true", consumerId).list().stream()
                .filter(account -> network == null || account.network.equals(network))
                .filter(account -> accountId == null || account.id.equals(accountId))
                .collect(Collectors.toMap(account -> account.id, Function.identity()));
    }

    private SocialPost lockOwn(ConsumerAccess consumer, String postId) {
        SocialPost post = SocialPost.findById(postId, LockModeType.PESSIMISTIC_WRITE);
        if (post == null || !consumer.consumerId().equals(account(post).schedulerConsumer)) {
            throw new NotFoundException("No post '" + postId + "' for an account you post for.");
        }
        return post;
    }

    private SocialAccount account(SocialPost post) {
        return SocialAccount.findById(post.accountId);
    }

    private static Actor actor(ConsumerAccess consumer) {
        return new Actor("consumer:" + consumer.consumerId(), null, Set.of(), false);
    }
}
