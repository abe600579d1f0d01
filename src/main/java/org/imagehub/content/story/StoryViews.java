package org.imagehub.content.story;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imagehub.content.revision.RevisionContent;
import org.imagehub.platform.Json;

/** Entities to the management API's views; translation status is computed from the story's own localizations. */
@ApplicationScoped
public class StoryViews {
    private final Json json;

    public StoryViews(Json json) {
        this.json = json;
    }

    public StoryView story(Story story) {
        Map<String, Integer> currentRevisions = currentRevisions(story);
        List<LocalizationView> localizations = story.localizations.stream()
                .map(localization -> localization(localization, currentRevisions))
                .toList();
        return new StoryView(story.id, story.externalId, story.type, story.organisation, story.priority, List.copyOf(story.topics),
                List.copyOf(story.countries), List.copyOf(story.tags), List.copyOf(story.keyMessages),
                new RightsInput(story.credit, story.source, story.licence), json.read(story.fieldsJson), story.embargoUntil,
                story.expiresAt, story.version, story.createdAt, story.updatedAt, localizations);
    }

    public LocalizationView localization(Localization localization) {
        return localization(localization, currentRevisions(localization.story));
    }

    static TranslationStatus translation(Localization localization, Map<String, Integer> currentRevisions) {
        RevisionContent content = localization.content;
        if (content.translatedFromLang() == null) {
            return null;
        }
        Integer sourceRevision = currentRevisions.get(content.translatedFromLang());
        int translated = content.translatedFromRevision() == null ? 0 : content.translatedFromRevision();
        int source = sourceRevision == null ? translated : sourceRevision;
        return new TranslationStatus(content.translatedFromLang(), translated, source, source > translated);
    }

    private LocalizationView localization(Localization localization, Map<String, Integer> currentRevisions) {
        RevisionContent content = localization.content;
        return new LocalizationView(localization.lang, localization.rtl, content.slug(), content.title(), content.summary(),
                content.bodyHtml(), content.bodyText(), json.read(content.fieldsJson()), content.seoTitle(),
                content.seoDescription(), localization.status, localization.publishedAt, localization.publishedRevision,
                localization.scheduledAt, localization.withdrawnReason, localization.publicReason, localization.currentRevision,
                localization.version, translation(localization, currentRevisions), localization.updatedAt, null);
    }

    private static Map<String, Integer> currentRevisions(Story story) {
        Map<String, Integer> revisions = new HashMap<>();
        story.localizations.forEach(localization -> revisions.put(localization.lang, localization.currentRevision));
        return revisions;
    }
}
