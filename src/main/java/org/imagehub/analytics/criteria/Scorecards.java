package org.imagehub.analytics.criteria;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imagehub.analytics.report.CorrectionReach;
import org.imagehub.analytics.report.CoverageReport;
import org.imagehub.analytics.report.EditorialReports;
import org.imagehub.analytics.report.ReportFilter;
import org.imagehub.analytics.report.ReportPeriod;
import org.imagehub.analytics.report.UsageReports;
import org.imagehub.platform.errors.NotFoundException;

/** Computes each KPI of an organisation's criteria set for a period, scores it, and ranks organisations. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Scorecards {
    private final CriteriaSets criteria;
    private final UsageReports usage;
    private final EditorialReports editorial;
    private final CorrectionReach corrections;
    private final EntityManager entityManager;

    public Scorecards(CriteriaSets criteria, UsageReports usage, EditorialReports editorial, CorrectionReach corrections, EntityManager entityManager) {
        this.criteria = criteria;
        this.usage = usage;
        this.editorial = editorial;
        this.corrections = corrections;
        this.entityManager = entityManager;
    }

    /** The period of the set's kind that contains the day, when none is named. */
    public ReportPeriod currentPeriod(String organisation, java.time.LocalDate today) {
        return ReportPeriod.Kind.valueOf(set(organisation).period().toUpperCase(java.util.Locale.ROOT)).containing(today);
    }

    public Scorecard scorecard(String organisation, ReportPeriod period) {
        return scorecard(set(organisation), period);
    }

    public Ranking ranking(ReportPeriod period) {
        Map<String, String> names = new HashMap<>();
        for (Object row : entityManager.createNativeQuery("select code, name from organisation").getResultList()) {
            names.put((String) ((Object[]) row)[0], (String) ((Object[]) row)[1]);
        }
        List<Scorecard> cards = criteria.organisations().stream().map(organisation -> scorecard(organisation, period))
                .sorted(Comparator.comparing(Scorecard::score, Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(Scorecard::organisation))
                .toList();
        List<Ranking.Row> rows = new ArrayList<>();
        for (int i = 0; i < cards.size(); i++) {
            Scorecard card = cards.get(i);
            boolean tied = i > 0 && card.score() != null && card.score().equals(cards.get(i - 1).score());
            int rank = tied ? rows.get(i - 1).rank() : i + 1;
            rows.add(new Ranking.Row(rank, card.organisation(), names.get(card.organisation()), card.score(), card.kpis().size(),
                    (int) card.kpis().stream().filter(kpi -> kpi.score() != null).count()));
        }
        return new Ranking(period.label(), period.from(), period.to(), rows);
    }

    private CriteriaSet set(String organisation) {
        return criteria.get(organisation).orElseThrow(() -> new NotFoundException("Organisation '" + organisation + "' has no criteria set."));
    }

    private Scorecard scorecard(CriteriaSet set, ReportPeriod period) {
        List<Scorecard.KpiScore> scores = new ArrayList<>();
        double weighted = 0;
        double weights = 0;
        for (Kpi kpi : set.kpis()) {
            Measure measure = Measure.of(kpi.measure()).orElseThrow();
            Double value = value(measure, kpi, new ReportFilter(period, set.organisation(), kpi.lang(), kpi.country(), kpi.topic(), kpi.keyMessage(), kpi.channel()));
            Double score = measure.score(value, kpi.target());
            if (score != null) {
                weighted += kpi.weight() * score;
                weights += kpi.weight();
            }
            scores.add(new Scorecard.KpiScore(kpi.id(), kpi.name(), kpi.measure(), measure.unit(), value, kpi.target(),
                    measure.higherIsBetter() ? "higher-is-better" : "lower-is-better", score == null ? null : round(score), kpi.weight()));
        }
        return new Scorecard(set.organisation(), period.label(), period.from(), period.to(), weights > 0 ? round(weighted / weights) : null, scores);
    }

    private Double value(Measure measure, Kpi kpi, ReportFilter filter) {
        return switch (measure) {
            case REACH -> (double) usage.totals(filter).events();
            case COVERAGE -> coverage(editorial.coverage(filter), kpi);
            case SPEED -> editorial.medianTranslationHours(filter);
            case BREAKING_SPEED -> editorial.breakingMedianHours(filter, kpi.minLanguages());
            case CONSISTENCY -> corrections.report(filter, Duration.ofHours(kpi.withinHours())).share();
            case ENGAGEMENT -> {
                UsageReports.Totals social = usage.totals(filter.withChannel("social"));
                yield social.events() == 0 ? null : (double) social.clicks() / social.events();
            }
        };
    }

    /** The share of the key messages in question published in at least minLanguages of the target languages. */
    private static Double coverage(CoverageReport report, Kpi kpi) {
        if (report.keyMessages().isEmpty()) {
            return null;
        }
        Set<String> targets = kpi.languages() == null ? null : Set.copyOf(kpi.languages());
        long covered = report.keyMessages().stream()
                .filter(message -> message.languages().stream().filter(lang -> targets == null || targets.contains(lang)).count() >= kpi.minLanguages())
                .count();
        return (double) covered / report.keyMessages().size();
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
