package org.imagehub.analytics.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imagehub.platform.SqlQuery;

/**
 * Reports on how the message went out, from the content itself: key-message coverage across languages and how fast
 * translations followed their source (and breaking stories reached several languages).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EditorialReports {
    static final int MAX_SPEED_ROWS = 5_000;

    private final EntityManager entityManager;

    public EditorialReports(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public CoverageReport coverage(ReportFilter filter) {
        Instant end = endOf(filter);
        // The key messages in question: the one asked for, or those the organisation owns (all for everyone).
        SqlQuery messages = new SqlQuery().append("select code, owner_organisation from key_message k where (valid_from is null or valid_from < ?)", end);
        if (filter.keyMessage() != null) {
            messages.append(" and code = ?", filter.keyMessage());
        } else if (filter.organisation() != null) {
            messages.append(" and owner_organisation = ?", filter.organisation());
        }
        messages.append(" order by code");
        Map<String, String> owners = new LinkedHashMap<>();
        messages.read(entityManager, row -> owners.put(row.getString(1), row.getString(2)));
        if (owners.isEmpty()) {
            return new CoverageReport(filter.period().to(), List.of(), List.of());
        }
        SqlQuery query = new SqlQuery().append("""
                select k.code, l.lang, count(distinct s.id) from unnest(?) as k(code)
                  join story s on s.key_messages @> array[k.code]
                  join localization l on l.story_id = s.id and l.status = 'published' and l.first_published_at < ?
                 where true""", owners.keySet().toArray(String[]::new), end);
        // Whose stories carry it does not matter: a ministry's message carried by a province's story still travels.
        filter.withoutOrganisation().onStories(query, "l.lang");
        query.append(" group by 1, 2 order by 1, 2");
        List<CoverageReport.Row> rows = query.read(entityManager, row -> new CoverageReport.Row(row.getString(1), row.getString(2), row.getLong(3)));
        List<CoverageReport.KeyMessage> keyMessages = owners.entrySet().stream().map(owner -> new CoverageReport.KeyMessage(owner.getKey(), owner.getValue(),
                rows.stream().filter(row -> row.keyMessage().equals(owner.getKey())).map(CoverageReport.Row::lang).toList())).toList();
        return new CoverageReport(filter.period().to(), keyMessages, rows);
    }

    public TranslationSpeedReport translationSpeed(ReportFilter filter) {
        SqlQuery summary = translations(filter, """
                select count(*), percentile_cont(0.5) within group (order by hours), percentile_cont(0.9) within group (order by hours),
                       count(*) filter (where hours < 1), count(*) filter (where hours >= 1 and hours < 6), count(*) filter (where hours >= 6 and hours < 24),
                       count(*) filter (where hours >= 24 and hours < 72), count(*) filter (where hours >= 72)""", "");
        Object[] totals = summary.read(entityManager, row -> new Object[] {row.getLong(1), (Double) row.getObject(2), (Double) row.getObject(3),
                row.getLong(4), row.getLong(5), row.getLong(6), row.getLong(7), row.getLong(8)}).get(0);
        List<TranslationSpeedReport.Bucket> buckets = List.of(new TranslationSpeedReport.Bucket("0-1h", (long) totals[3]),
                new TranslationSpeedReport.Bucket("1-6h", (long) totals[4]), new TranslationSpeedReport.Bucket("6-24h", (long) totals[5]),
                new TranslationSpeedReport.Bucket("24-72h", (long) totals[6]), new TranslationSpeedReport.Bucket("72h+", (long) totals[7]));
        List<TranslationSpeedReport.Row> rows = translations(filter, "select story_id, source_lang, lang, source_published_at, published_at, hours",
                " order by hours, story_id, lang limit " + (MAX_SPEED_ROWS + 1))
                .read(entityManager, row -> new TranslationSpeedReport.Row(row.getString(1), row.getString(2), row.getString(3),
                        SqlQuery.instant(row, 4), SqlQuery.instant(row, 5), Math.round(row.getDouble(6) * 100) / 100.0));
        boolean truncated = rows.size() > MAX_SPEED_ROWS;
        return new TranslationSpeedReport(filter.period().from(), filter.period().to(), (long) totals[0], round((Double) totals[1]),
                round((Double) totals[2]), buckets, truncated ? rows.subList(0, MAX_SPEED_ROWS) : rows, truncated);
    }

    /** The median of the hours translations first published in the range took after their source. */
    public Double medianTranslationHours(ReportFilter filter) {
        return round((Double) translations(filter, "select percentile_cont(0.5) within group (order by hours)", "")
                .read(entityManager, row -> row.getObject(1)).get(0));
    }

    /** The median of the hours from a breaking story's creation to its publication in its {@code languages}-th language. */
    public Double breakingMedianHours(ReportFilter filter, int languages) {
        SqlQuery query = new SqlQuery().append("""
                select percentile_cont(0.5) within group (order by extract(epoch from nth.published - s.created_at) / 3600)
                  from story s cross join lateral (select l.first_published_at as published from localization l
                       where l.story_id = s.id and l.first_published_at is not null order by l.first_published_at offset ? limit 1) nth
                 where s.priority = 'breaking' and s.created_at >= ? and s.created_at < ?""", languages - 1, startOf(filter), endOf(filter));
        filter.withoutLanguage().onStories(query, "null");
        return round((Double) query.read(entityManager, row -> row.getObject(1)).get(0));
    }

    private SqlQuery translations(ReportFilter filter, String select, String tail) {
        SqlQuery query = new SqlQuery().append("with translation as (select t.story_id, src.lang as source_lang, t.lang, src.first_published_at as source_published_at,"
                + " t.first_published_at as published_at, extract(epoch from t.first_published_at - src.first_published_at) / 3600 as hours"
                + " from localization t join localization src on src.story_id = t.story_id and src.lang = t.translated_from_lang"
                + " join story s on s.id = t.story_id"
                + " where t.first_published_at >= ? and t.first_published_at < ? and src.first_published_at is not null", startOf(filter), endOf(filter));
        filter.onStories(query, "t.lang");
        return query.append(") " + select + " from translation" + tail);
    }

    private static Double round(Double hours) {
        return hours == null ? null : Math.round(hours * 100) / 100.0;
    }

    private static Instant startOf(ReportFilter filter) {
        return filter.period().from().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Instant endOf(ReportFilter filter) {
        return filter.period().to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
