package org.imagehub.analytics.report;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.imagehub.platform.SqlQuery;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.platform.text.LanguageTags;

/**
 * What a report counts: the days, and optionally one organisation (null: every one, for the central organisation),
 * language, target country, topic, key message and channel. Each value is checked where it is made.
 */
public record ReportFilter(ReportPeriod period, String organisation, String lang, String country, String topic, String keyMessage, String channel) {
    /** Where usage comes from (see the daily roll-up). */
    public static final Set<String> CHANNELS = Set.of("page-view", "api-read", "sync", "feed", "webhook", "social", "short-link");

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

    public ReportFilter {
        lang = lang == null ? null : LanguageTags.canonical(lang, "query.lang");
        if (country != null) {
            if (!COUNTRY.matcher(country).matches()) {
                throw ValidationException.of("query.country", "invalid", "an ISO 3166-1 alpha-2 code such as FR");
            }
            country = country.toUpperCase(Locale.ROOT);
        }
        code(topic, "query.topic");
        code(keyMessage, "query.keyMessage");
        if (channel != null && !CHANNELS.contains(channel)) {
            throw ValidationException.of("query.channel", "unknown", "one of " + String.join(", ", new java.util.TreeSet<>(CHANNELS)));
        }
    }

    public static ReportFilter of(ReportPeriod period, String organisation) {
        return new ReportFilter(period, organisation, null, null, null, null, null);
    }

    public ReportFilter withoutOrganisation() {
        return new ReportFilter(period, null, lang, country, topic, keyMessage, channel);
    }

    public ReportFilter withoutLanguage() {
        return new ReportFilter(period, organisation, null, country, topic, keyMessage, channel);
    }

    public ReportFilter withChannel(String other) {
        return new ReportFilter(period, organisation, lang, country, topic, keyMessage, other);
    }

    private static void code(String value, String field) {
        if (value != null && !CODE.matcher(value).matches()) {
            throw ValidationException.of(field, "invalid", "a lower-case code such as flood-response");
        }
    }

    /**
     * The conditions on a daily roll-up (aliased {@code d}), each starting with " and": analytics_daily, its fold without
     * story and consumer, or (with no channel) its fold per story, language and countries.
     */
    void onDailyRows(SqlQuery query) {
        query.append(" and d.day >= ? and d.day <= ?", java.sql.Date.valueOf(period.from()), java.sql.Date.valueOf(period.to()));
        if (organisation != null) {
            query.append(" and d.organisation = ?", organisation);
        }
        if (lang != null) {
            query.append(" and d.lang = ?", lang);
        }
        if (country != null) {
            query.append(" and d.countries @> ?", (Object) new String[] {country});
        }
        if (topic != null) {
            query.append(" and d.topics @> ?", (Object) new String[] {topic});
        }
        if (keyMessage != null) {
            query.append(" and d.key_messages @> ?", (Object) new String[] {keyMessage});
        }
        if (channel != null) {
            query.append(" and d.channel = ?", channel);
        }
    }

    /** The conditions on a story (aliased {@code s}) and one of its languages ({@code lang} column named), each starting with " and". */
    void onStories(SqlQuery query, String langColumn) {
        if (organisation != null) {
            query.append(" and s.organisation = ?", organisation);
        }
        if (lang != null) {
            query.append(" and " + langColumn + " = ?", lang);
        }
        if (country != null) {
            query.append(" and s.countries @> ?", (Object) new String[] {country});
        }
        if (topic != null) {
            query.append(" and s.topics @> ?", (Object) new String[] {topic});
        }
        if (keyMessage != null) {
            query.append(" and s.key_messages @> ?", (Object) new String[] {keyMessage});
        }
    }
}
