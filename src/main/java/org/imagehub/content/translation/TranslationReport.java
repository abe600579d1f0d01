package org.imagehub.content.translation;

import java.util.List;
import java.util.Map;

/** Which translations are missing or outdated, per language and per story. */
public record TranslationReport(List<String> languages, Map<String, LanguageSummary> summary, List<StoryGaps> stories) {

    public record LanguageSummary(int present, int missing, int outdated) {
    }

    public record StoryGaps(String id, String type, String title, List<String> missing, List<Outdated> outdated) {
    }

    public record Outdated(String lang, String from, int translatedRevision, int sourceRevision) {
    }
}
