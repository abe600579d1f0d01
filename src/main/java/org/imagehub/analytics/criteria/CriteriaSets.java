package org.imagehub.analytics.criteria;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.imagehub.analytics.report.ReportFilter;
import org.imagehub.platform.Json;
import org.imagehub.platform.SqlValues;
import org.imagehub.platform.errors.DomainException;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.NotFoundException;
import org.imagehub.platform.errors.StaleVersionException;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.platform.http.EntityTags;
import org.imagehub.platform.text.LanguageTags;
import org.imagehub.security.Actor;
import org.imagehub.security.audit.AuditLog;

/** Each organisation's criteria set: read, and replaced whole (If-Match the version replaced), checked and audited. */
@ApplicationScoped
public class CriteriaSets {
    static final int MAX_KPIS = 30;
    static final int MAX_LANGUAGES = 50;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final EntityManager entityManager;
    private final Json json;
    private final AuditLog audit;
    private final Clock clock;

    public CriteriaSets(EntityManager entityManager, Json json, AuditLog audit, Clock clock) {
        this.entityManager = entityManager;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CriteriaSet> get(String organisation) {
        List<?> rows = entityManager.createNativeQuery("""
                select period, cast(kpis as text), version, updated_by, updated_at from analytics_criteria where organisation = ?1""")
                .setParameter(1, organisation).getResultList();
        return rows.stream().map(Object[].class::cast).findFirst().map(row -> new CriteriaSet(organisation, (String) row[0],
                List.of(json.read((String) row[1], Kpi[].class)), ((Number) row[2]).longValue(), (String) row[3], SqlValues.instant(row[4])));
    }

    /** Every organisation that has a set, for the ranking. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> organisations() {
        List<?> rows = entityManager.createNativeQuery("select organisation from analytics_criteria order by organisation").getResultList();
        return rows.stream().map(String.class::cast).toList();
    }

    /** Creates the set (no If-Match) or replaces the version named by If-Match. */
    @Transactional
    public CriteriaSet save(String organisation, CriteriaInput input, String ifMatch, Actor actor) {
        if (entityManager.createNativeQuery("select 1 from organisation where code = ?1").setParameter(1, organisation).getResultList().isEmpty()) {
            throw new NotFoundException("No organisation '" + organisation + "'.");
        }
        List<Kpi> kpis = checked(input);
        Optional<CriteriaSet> current = entityManager.createNativeQuery("select 1 from analytics_criteria where organisation = ?1 for update")
                .setParameter(1, organisation).getResultList().isEmpty() ? Optional.empty() : get(organisation);
        long version;
        if (current.isPresent()) {
            EntityTags.requireMatch(ifMatch, current.get().version());
            version = current.get().version() + 1;
        } else if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.trim().equals("*")) {
            throw new StaleVersionException("The organisation has no criteria set yet; send no If-Match to create one.",
                    List.of(new FieldError("header.If-Match", "stale", "there is no version yet")));
        } else {
            version = 1;
        }
        Instant now = Instant.now(clock);
        entityManager.createNativeQuery("""
                insert into analytics_criteria (organisation, period, kpis, version, updated_by, updated_at) values (?1, ?2, cast(?3 as jsonb), ?4, ?5, ?6)
                on conflict (organisation) do update set period = excluded.period, kpis = excluded.kpis, version = excluded.version,
                  updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .setParameter(1, organisation).setParameter(2, input.period()).setParameter(3, json.write(kpis)).setParameter(4, version)
                .setParameter(5, actor.userId()).setParameter(6, now).executeUpdate();
        audit.record(actor, new AuditLog.Write("criteria.saved", "criteria", organisation, version,
                Map.of("period", input.period(), "kpis", kpis.stream().map(Kpi::id).toList())));
        return new CriteriaSet(organisation, input.period(), kpis, version, actor.userId(), now);
    }

    /** The KPIs as stored: each checked whole (every fault named), keeping only the parameters its measure uses. */
    static List<Kpi> checked(CriteriaInput input) {
        List<FieldError> errors = new ArrayList<>();
        if (input.period() == null || Set.of("week", "month", "quarter").stream().noneMatch(input.period()::equals)) {
            errors.add(new FieldError("period", "invalid", "week, month or quarter"));
        }
        List<Kpi> given = input.kpis() == null ? List.of() : input.kpis();
        if (input.kpis() == null) {
            errors.add(new FieldError("kpis", "required", "a list of KPIs (empty: no criteria)"));
        } else if (given.size() > MAX_KPIS) {
            errors.add(new FieldError("kpis", "too-many", "at most " + MAX_KPIS, (long) given.size(), (long) MAX_KPIS));
        }
        Set<String> ids = new HashSet<>();
        List<Kpi> kpis = new ArrayList<>();
        for (int i = 0; i < Math.min(given.size(), MAX_KPIS); i++) {
            Kpi kpi = given.get(i);
            String at = "kpis[" + i + "].";
            if (kpi == null) {
                errors.add(new FieldError("kpis[" + i + "]", "required", "a KPI"));
                continue;
            }
            if (kpi.id() == null || !ID.matcher(kpi.id()).matches()) {
                errors.add(new FieldError(at + "id", "invalid", "a lower-case code of up to 64 characters"));
            } else if (!ids.add(kpi.id())) {
                errors.add(new FieldError(at + "id", "duplicate", "another KPI of the set has this id"));
            }
            if (kpi.name() == null || kpi.name().isBlank() || kpi.name().length() > 200) {
                errors.add(new FieldError(at + "name", "invalid", "1 to 200 characters"));
            }
            Optional<Measure> measure = Measure.of(kpi.measure());
            if (measure.isEmpty()) {
                errors.add(new FieldError(at + "measure", "unknown", "reach, coverage, speed, breaking-speed, consistency or engagement"));
            }
            if (kpi.target() == null || !(kpi.target() > 0) || kpi.target().isInfinite()) {
                errors.add(new FieldError(at + "target", "invalid", "a number above 0, in the measure's unit"));
            } else if (measure.isPresent() && measure.get().unit().equals("share") && kpi.target() > 1) {
                errors.add(new FieldError(at + "target", "invalid", "a share: above 0, at most 1"));
            }
            if (kpi.weight() == null || kpi.weight() < 0 || kpi.weight() > 1000 || kpi.weight().isNaN()) {
                errors.add(new FieldError(at + "weight", "invalid", "a number from 0 to 1000"));
            }
            try {
                // The filters are checked as a report's are (the period plays no part here).
                ReportFilter filter = new ReportFilter(null, null, kpi.lang(), kpi.country(), kpi.topic(), kpi.keyMessage(), kpi.channel());
                kpi = new Kpi(kpi.id(), kpi.name(), kpi.measure(), kpi.target(), kpi.weight(), filter.lang(), filter.country(), kpi.topic(), kpi.keyMessage(),
                        kpi.channel(), kpi.languages(), kpi.minLanguages(), kpi.withinHours());
            } catch (DomainException e) {
                e.errors().forEach(error -> errors.add(new FieldError(at + error.field().replace("query.", ""), error.code(), error.message())));
            }
            if (measure.isPresent()) {
                kpis.add(forMeasure(measure.get(), kpi, at, errors));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The criteria set has " + errors.size() + " fault(s); nothing was saved.", errors);
        }
        return kpis;
    }

    /** The KPI with its measure's parameters checked and the others dropped. */
    private static Kpi forMeasure(Measure measure, Kpi kpi, String at, List<FieldError> errors) {
        List<String> languages = null;
        Integer minLanguages = null;
        Integer withinHours = null;
        String channel = null;
        switch (measure) {
            case REACH -> channel = kpi.channel();
            case COVERAGE -> {
                minLanguages = minLanguages(kpi, at, errors);
                if (kpi.languages() != null) {
                    if (kpi.languages().size() > MAX_LANGUAGES) {
                        errors.add(new FieldError(at + "languages", "too-many", "at most " + MAX_LANGUAGES));
                    } else {
                        List<String> canonical = new ArrayList<>();
                        for (int j = 0; j < kpi.languages().size(); j++) {
                            try {
                                canonical.add(LanguageTags.canonical(kpi.languages().get(j), at + "languages[" + j + "]"));
                            } catch (DomainException e) {
                                errors.addAll(e.errors());
                            }
                        }
                        languages = canonical;
                        if (minLanguages != null && minLanguages > canonical.size()) {
                            errors.add(new FieldError(at + "minLanguages", "invalid", "at most the number of target languages"));
                        }
                    }
                }
            }
            case BREAKING_SPEED -> minLanguages = minLanguages(kpi, at, errors);
            case CONSISTENCY -> {
                if (kpi.withinHours() == null || kpi.withinHours() < 1 || kpi.withinHours() > 24 * 90) {
                    errors.add(new FieldError(at + "withinHours", "invalid", "1 to 2160 hours"));
                }
                withinHours = kpi.withinHours();
            }
            case SPEED, ENGAGEMENT -> {
            }
        }
        if (kpi.channel() != null && measure != Measure.REACH) {
            errors.add(new FieldError(at + "channel", "not-allowed", "only reach is counted per channel"));
        }
        return new Kpi(kpi.id(), kpi.name(), kpi.measure(), kpi.target(), kpi.weight(), kpi.lang(), kpi.country(), kpi.topic(), kpi.keyMessage(),
                channel, languages, minLanguages, withinHours);
    }

    private static Integer minLanguages(Kpi kpi, String at, List<FieldError> errors) {
        if (kpi.minLanguages() == null || kpi.minLanguages() < 1 || kpi.minLanguages() > MAX_LANGUAGES) {
            errors.add(new FieldError(at + "minLanguages", "invalid", "1 to " + MAX_LANGUAGES));
        }
        return kpi.minLanguages();
    }
}
