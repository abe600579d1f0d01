package org.imagehub.content.story;

import java.time.Instant;
import java.util.List;

/** A story input that passed every rule, in canonical form (language tags, sanitised HTML, fields as JSON text). */
public record ValidStory(
        String externalId,
        String type,
        String organisation,
        String priority,
        List<String> topics,
        List<String> countries,
        List<String> tags,
        List<String> keyMessages,
        String credit,
        String source,
        String licence,
        String fieldsJson,
        Instant embargoUntil,
        Instant expiresAt,
        List<ValidLocalization> localizations,
        String reason) {

    /**
     * One localization that passed every rule; {@code slug} is null when the hub is to derive it from the title, and
     * {@code titleSlug} is that derived slug (worked out with the other checks, outside any transaction: transliterating
     * a Chinese or Ukrainian title is most of what an imported line costs).
     */
    public record ValidLocalization(
            String lang,
            boolean rtl,
            String slug,
            String titleSlug,
            String title,
            String summary,
            String bodyHtml,
            String bodyText,
            String fieldsJson,
            String seoTitle,
            String seoDescription,
            String translatedFromLang,
            Integer translatedFromRevision,
            boolean translatedFromGiven) {
    }
}
