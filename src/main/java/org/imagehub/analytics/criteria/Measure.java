package org.imagehub.analytics.criteria;

import java.util.Arrays;
import java.util.Optional;

/** What a KPI measures, the unit of its value, and which way is better. */
public enum Measure {
    /** Events (views, reads, pickups, fetches, acknowledgements, impressions, clicks) matching the KPI's filters. */
    REACH("reach", "events", true),
    /** Share of the key messages in question published in at least minLanguages of the target languages by the period's end. */
    COVERAGE("coverage", "share", true),
    /** Median hours from a source language's first publication to each translation's, for translations published in the period. */
    SPEED("speed", "hours", false),
    /** Median hours from a breaking story's creation to its publication in minLanguages languages, for those created in the period. */
    BREAKING_SPEED("breaking-speed", "hours", false),
    /** Share of consumers that acknowledged or re-fetched a correction or withdrawal within withinHours. */
    CONSISTENCY("consistency", "share", true),
    /** Clicks ÷ impressions of social posts, as schedulers report them. */
    ENGAGEMENT("engagement", "share", true);

    private final String code;
    private final String unit;
    private final boolean higherIsBetter;

    Measure(String code, String unit, boolean higherIsBetter) {
        this.code = code;
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
    }

    public String code() {
        return code;
    }

    public String unit() {
        return unit;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public static Optional<Measure> of(String code) {
        return Arrays.stream(values()).filter(measure -> measure.code.equals(code)).findFirst();
    }

    /**
     * How well a value meets the target, from 0 to 1: value ÷ target when higher is better, target ÷ value when lower
     * is (a value at or past the target scores 1). No value, no score.
     */
    public Double score(Double value, double target) {
        if (value == null) {
            return null;
        }
        if (higherIsBetter) {
            return Math.min(1.0, value / target);
        }
        return value <= target ? 1.0 : target / value;
    }
}
