package org.imagehub.analytics.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.NotFoundException;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.security.Actor;
import org.imagehub.security.consumer.ConsumerService;
import org.imagehub.security.consumer.ConsumerView;
import org.imagehub.security.consumer.Scopes;

/**
 * The origins each site key may send page views from. A site key is public (it sits in the site's pages), so it can
 * only write its own consumer's events, and only from its own pages (browsers name the page's origin; a script outside a
 * browser can claim any, which is why the key can do nothing but add page views).
 */
@ApplicationScoped
public class AnalyticsSites {
    static final int MAX_ORIGINS = 20;

    private final EntityManager entityManager;
    private final ConsumerService consumers;
    private final Clock clock;
    /** Beacons come many a second: the origins of each key are remembered briefly (a change reaches every replica within it). */
    private final Cache<String, Set<String>> origins = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(30)).build();

    public AnalyticsSites(EntityManager entityManager, ConsumerService consumers, Clock clock) {
        this.entityManager = entityManager;
        this.consumers = consumers;
        this.clock = clock;
    }

    /** The origins the consumer's key may send from (empty: none, so nothing is accepted). */
    public Set<String> origins(String consumerId) {
        return origins.get(consumerId, id -> Set.copyOf(get(id).map(SiteView::origins).orElse(List.of())));
    }

    public Optional<SiteView> get(String consumerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select origins, updated_by, updated_at from analytics_site where consumer_id = ?1")
                .setParameter(1, consumerId).getResultList();
        return rows.stream().findFirst().map(row -> new SiteView(consumerId, List.of((String[]) row[0]), (String) row[1],
                row[2] instanceof Instant at ? at : ((java.time.OffsetDateTime) row[2]).toInstant()));
    }

    @Transactional
    public SiteView save(String consumerId, SiteInput input, Actor admin) {
        ConsumerView consumer;
        try {
            consumer = consumers.get(consumerId);
        } catch (NotFoundException e) {
            throw new NotFoundException("No consumer '" + consumerId + "'.");
        }
        if (!Set.copyOf(consumer.scopes()).equals(Set.of(Scopes.ANALYTICS_WRITE))) {
            // Its key will sit in public pages: it must be able to do nothing but add page views.
            throw ValidationException.of("consumerId", "site-key-scopes", "a site's consumer has the one scope " + Scopes.ANALYTICS_WRITE);
        }
        List<String> valid = validOrigins(input == null ? null : input.origins());
        Instant now = Instant.now(clock);
        entityManager.createNativeQuery("""
                insert into analytics_site (consumer_id, origins, updated_by, updated_at) values (?1, cast(?2 as text[]), ?3, ?4)
                on conflict (consumer_id) do update set origins = excluded.origins, updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .setParameter(1, consumerId).setParameter(2, valid.toArray(String[]::new)).setParameter(3, admin.userId()).setParameter(4, now)
                .executeUpdate();
        origins.invalidate(consumerId);
        return new SiteView(consumerId, valid, admin.userId(), now);
    }

    /** https origins (http only for this machine's own names, for local sites), as browsers write them in Origin. */
    static List<String> validOrigins(List<String> given) {
        if (given == null || given.isEmpty() || given.size() > MAX_ORIGINS) {
            throw ValidationException.of("origins", "required", "1 to " + MAX_ORIGINS + " origins such as https://example.org");
        }
        List<FieldError> errors = new ArrayList<>();
        Set<String> origins = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String origin = given.get(i) == null ? "" : given.get(i).strip().toLowerCase(Locale.ROOT);
            if (!isOrigin(origin)) {
                errors.add(new FieldError("origins[" + i + "]", "invalid-origin", "scheme://host[:port] only, https (http for localhost)"));
            } else {
                origins.add(origin);
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The site has invalid origins.", errors);
        }
        return List.copyOf(origins);
    }

    private static boolean isOrigin(String origin) {
        try {
            URI uri = new URI(origin);
            boolean local = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
            return uri.getHost() != null && uri.getRawUserInfo() == null && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()) && local) && origin.length() <= 200;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
