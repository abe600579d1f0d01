package org.imagehub.analytics.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.imagehub.analytics.AnalyticsConfig;
import org.imagehub.analytics.site.AnalyticsSites;
import org.imagehub.content.story.PublishedLanguages;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.ForbiddenException;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.platform.text.LanguageTags;
import org.imagehub.security.consumer.ConsumerAccess;

/**
 * Page views from embassy sites' pages: checked whole (any bad event refuses the request and nothing is stored), then
 * stored once per event id. The page's origin must be one of the key's site; only the page's path is kept.
 */
@ApplicationScoped
public class PageViews {
    static final String CHANNEL = "page-view";
    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9_.:-]{8,64}");
    private static final int MAX_URL = 2000;

    private final EntityManager entityManager;
    private final AnalyticsSites sites;
    private final PublishedLanguages published;
    private final Clock clock;
    private final AnalyticsConfig config;

    public PageViews(EntityManager entityManager, AnalyticsSites sites, PublishedLanguages published, Clock clock, AnalyticsConfig config) {
        this.entityManager = entityManager;
        this.sites = sites;
        this.published = published;
        this.clock = clock;
        this.config = config;
    }

    /** Whether the key's site has this origin (what a browser puts in {@code Origin}). */
    public boolean allows(ConsumerAccess site, String origin) {
        return origin != null && sites.origins(site.consumerId()).contains(origin.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Checks the views and stores them; returns how many were new. {@code visitor} is the day's hash of the browser;
     * null for a crawler, whose views are checked like any other and then not stored.
     */
    @Transactional
    public int record(ConsumerAccess site, String origin, List<PageViewInput> views, String visitor) {
        if (!allows(site, origin)) {
            throw new ForbiddenException("Page views are taken from the key's own site only; origin '" + origin + "' is not one of its origins.");
        }
        if (views == null || views.isEmpty() || views.size() > config.maxBatch()) {
            throw ValidationException.of("events", "batch-size", "1 to " + config.maxBatch() + " page views");
        }
        Instant now = Instant.now(clock);
        List<FieldError> errors = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        Set<String> storyIds = new HashSet<>();
        views.forEach(view -> {
            if (view != null && view.storyId() != null) {
                storyIds.add(view.storyId());
            }
        });
        Set<String> live = published.of(storyIds);
        for (int i = 0; i < views.size(); i++) {
            PageViewInput view = views.get(i);
            String at = "events[" + i + "].";
            if (view == null) {
                errors.add(new FieldError("events[" + i + "]", "required", "a page view"));
                continue;
            }
            if (view.id() == null || !EVENT_ID.matcher(view.id()).matches()) {
                errors.add(new FieldError(at + "id", "invalid", "8 to 64 letters, digits, _ . : -"));
            }
            String lang = null;
            try {
                lang = LanguageTags.canonical(view.lang(), at + "lang");
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
            if (lang != null && view.storyId() != null && !live.contains(view.storyId() + "|" + lang) && lang.contains("-")
                    && live.contains(view.storyId() + "|" + lang.substring(0, lang.indexOf('-')))) {
                // A page in fr-FR showing the story's fr.
                lang = lang.substring(0, lang.indexOf('-'));
            }
            if (view.storyId() == null || lang != null && !live.contains(view.storyId() + "|" + lang)) {
                errors.add(new FieldError(at + "storyId", "unknown-story", "no story published in this language"));
            }
            Instant when = view.at() == null ? now : view.at();
            if (when.isAfter(now.plusSeconds(300))) {
                errors.add(new FieldError(at + "at", "in-future", "not in the future"));
            } else if (when.isBefore(now.minus(config.lateEvents()))) {
                errors.add(new FieldError(at + "at", "too-late", "at most " + config.lateEvents().toDays() + " days ago"));
            }
            String path = pathOnOrigin(view.url(), origin);
            if (path == null) {
                errors.add(new FieldError(at + "url", "not-on-site", "an address of the page on " + origin + " (at most " + MAX_URL + " characters)"));
            }
            // The visitor hash is of today's salt: it counts distinct visitors only among today's views.
            boolean today = java.time.LocalDate.ofInstant(when, java.time.ZoneOffset.UTC).equals(java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC));
            rows.add(new Object[] {when, view.id(), view.storyId(), lang, path, today ? visitor : null});
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The page views are invalid; none was stored.", errors);
        }
        if (visitor == null) {
            return 0;
        }
        int stored = 0;
        for (Object[] row : rows) {
            stored += entityManager.createNativeQuery("""
                    insert into analytics_event (occurred_at, event_id, channel, consumer_id, story_id, lang, page_path, visitor, received_at)
                    values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) on conflict (occurred_at, consumer_id, event_id) do nothing""")
                    .setParameter(1, row[0]).setParameter(2, row[1]).setParameter(3, CHANNEL).setParameter(4, site.consumerId())
                    .setParameter(5, row[2]).setParameter(6, row[3]).setParameter(7, row[4]).setParameter(8, row[5]).setParameter(9, now)
                    .executeUpdate();
        }
        return stored;
    }

    /** The path of the page when it is on the origin; null when it is elsewhere or not an address. */
    static String pathOnOrigin(String url, String origin) {
        if (url == null || url.length() > MAX_URL) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String itsOrigin = (uri.getScheme() + "://" + uri.getRawAuthority()).toLowerCase(java.util.Locale.ROOT);
            if (uri.getScheme() == null || uri.getRawAuthority() == null || !itsOrigin.equals(origin.toLowerCase(java.util.Locale.ROOT))) {
                return null;
            }
            // The query and fragment may carry a visitor's identifiers: not kept.
            String path = uri.getRawPath();
            if (path != null && path.contains(";")) {
                // Path parameters (;jsessionid=...) may identify a visitor too.
                path = path.substring(0, path.indexOf(';'));
            }
            return path == null || path.isEmpty() ? "/" : path;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
