package org.imagehub.analytics.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imagehub.platform.errors.ValidationException;

/**
 * A range of whole UTC days a report covers, both ends included. Criteria sets score named periods: a month
 * ({@code 2026-11}), a quarter ({@code 2026-Q4}) or an ISO week ({@code 2026-W48}).
 */
public record ReportPeriod(String label, LocalDate from, LocalDate to) {
    /** The widest range a report reads: enough for a year beside the year before, and bounded. */
    public static final int MAX_DAYS = 800;

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    /** The kinds of period a criteria set scores over. */
    public enum Kind {
        WEEK, MONTH, QUARTER;

        /** The period of this kind that contains the day. */
        public ReportPeriod containing(LocalDate day) {
            return switch (this) {
                case WEEK -> week(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                case MONTH -> month(YearMonth.from(day));
                case QUARTER -> quarter(day.getYear(), day.get(IsoFields.QUARTER_OF_YEAR));
            };
        }
    }

    public long days() {
        return to.toEpochDay() - from.toEpochDay() + 1;
    }

    /** A period by its label; the field named in the error when it is not one. */
    public static ReportPeriod parse(String label, String field) {
        Matcher matcher;
        try {
            if ((matcher = MONTH.matcher(label)).matches()) {
                return month(YearMonth.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
            }
            if ((matcher = QUARTER.matcher(label)).matches()) {
                return quarter(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
            }
            if ((matcher = WEEK.matcher(label)).matches()) {
                int year = Integer.parseInt(matcher.group(1));
                int week = Integer.parseInt(matcher.group(2));
                if (week >= 1 && week <= LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)) {
                    return week(year, week);
                }
            }
        } catch (java.time.DateTimeException e) {
            // falls through to the same answer as any other bad label
        }
        throw ValidationException.of(field, "invalid-period", "a month (2026-11), a quarter (2026-Q4) or an ISO week (2026-W48)");
    }

    /** From and to as given (ISO dates, both included), checked: from ≤ to, at most {@link #MAX_DAYS}. */
    public static ReportPeriod between(String from, String to, LocalDate defaultTo, int defaultDays) {
        LocalDate end = to == null ? defaultTo : date(to, "query.to");
        LocalDate start = from == null ? end.minusDays(defaultDays - 1L) : date(from, "query.from");
        if (start.isAfter(end)) {
            throw ValidationException.of("query.from", "after-to", "from must not be after to");
        }
        ReportPeriod period = new ReportPeriod(start + "/" + end, start, end);
        if (period.days() > MAX_DAYS) {
            throw ValidationException.of("query.from", "range-too-long", "at most " + MAX_DAYS + " days");
        }
        return period;
    }

    private static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ValidationException.of(field, "invalid-date", "an ISO date such as 2026-11-30");
        }
    }

    private static ReportPeriod month(YearMonth month) {
        return new ReportPeriod(month.toString(), month.atDay(1), month.atEndOfMonth());
    }

    private static ReportPeriod quarter(int year, int quarter) {
        LocalDate start = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        return new ReportPeriod(year + "-Q" + quarter, start, start.plusMonths(3).minusDays(1));
    }

    private static ReportPeriod week(int year, int week) {
        LocalDate start = LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new ReportPeriod(String.format("%d-W%02d", year, week), start, start.plusDays(6));
    }
}
