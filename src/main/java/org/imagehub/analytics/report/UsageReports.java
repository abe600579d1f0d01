package org.imagehub.analytics.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imagehub.platform.SqlQuery;

/**
 * Reports over the daily roll-up: reach over time and the sums the criteria score (from the roll-up folded without
 * story and consumer, small), and top stories (from the roll-up folded per story, language and countries, or per
 * story, consumer and channel when a channel narrows them).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class UsageReports {
    /** The figures of a range: events, page-view visitors and clicks, added up. */
    public record Totals(long events, long visitors, long clicks) {
    }

    private final EntityManager entityManager;

    public UsageReports(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public ReachReport reach(ReportFilter filter, String granularity) {
        SqlQuery query = new SqlQuery().append("select date_trunc('" + truncation(granularity) + "', d.day)::date, d.channel, sum(d.events), sum(d.visitors), sum(d.clicks)"
                + " from analytics_daily_cube d where true");
        filter.onDailyRows(query);
        query.append(" group by 1, 2 order by 1, 2");
        List<ReachReport.Row> rows = query.read(entityManager, row -> new ReachReport.Row(row.getDate(1).toLocalDate(), row.getString(2),
                row.getLong(3), row.getLong(4), row.getLong(5)));
        return new ReachReport(filter.period().from(), filter.period().to(), granularity,
                rows.stream().mapToLong(ReachReport.Row::events).sum(), rows.stream().mapToLong(ReachReport.Row::clicks).sum(), rows);
    }

    public TopStoriesReport topStories(ReportFilter filter, int limit) {
        // Without a channel, the roll-up folded per story, language and countries has every figure it needs.
        boolean perStory = filter.channel() == null;
        SqlQuery query = new SqlQuery().append("select d.story_id, min(d.organisation), sum(d.events) as events, sum(d.clicks) from "
                + (perStory ? "analytics_story_daily" : "analytics_daily") + " d where true");
        filter.onDailyRows(query);
        query.append(" group by d.story_id order by events desc, d.story_id limit ?", limit);
        List<Object[]> ranked = query.read(entityManager, row -> new Object[] {row.getString(1), row.getString(2), row.getLong(3), row.getLong(4)});
        Map<String, String> titles = titles(ranked.stream().map(row -> (String) row[0]).toArray(String[]::new));
        List<TopStoriesReport.Row> rows = new ArrayList<>();
        for (Object[] row : ranked) {
            rows.add(new TopStoriesReport.Row(rows.size() + 1, (String) row[0], (String) row[1], titles.get((String) row[0]), (long) row[2], (long) row[3]));
        }
        return new TopStoriesReport(filter.period().from(), filter.period().to(), rows);
    }

    /** The sums over the filter, for a KPI. */
    public Totals totals(ReportFilter filter) {
        SqlQuery query = new SqlQuery().append("select coalesce(sum(d.events), 0), coalesce(sum(d.visitors), 0), coalesce(sum(d.clicks), 0) from analytics_daily_cube d where true");
        filter.onDailyRows(query);
        return query.read(entityManager, row -> new Totals(row.getLong(1), row.getLong(2), row.getLong(3))).get(0);
    }

    /** Each story's title in its original language (the one not translated from another), in one query. */
    private Map<String, String> titles(String[] storyIds) {
        Map<String, String> titles = new HashMap<>();
        if (storyIds.length == 0) {
            return titles;
        }
        new SqlQuery().append("select distinct on (story_id) story_id, title from localization where story_id = any(?)"
                        + " order by story_id, (translated_from_lang is null) desc, lang", (Object) storyIds)
                .read(entityManager, row -> titles.put(row.getString(1), row.getString(2)));
        return titles;
    }

    private static String truncation(String granularity) {
        return switch (granularity) {
            case "day", "week", "month" -> granularity;
            default -> throw org.imagehub.platform.errors.ValidationException.of("query.granularity", "unknown", "day, week or month");
        };
    }
}
