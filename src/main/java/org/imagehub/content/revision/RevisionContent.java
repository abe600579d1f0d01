package org.imagehub.content.revision;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.hibernate.annotations.ColumnTransformer;

/**
 * The versioned content of a localization: the ten columns a localization and each of its revisions share (the
 * draft in {@code Localization}, each save's snapshot in {@code LocalizationRevision}), and what a restore brings back.
 * Embedded in both, so a snapshot is a copy of one value, not of ten fields.
 */
@Embeddable
public record RevisionContent(
        String slug,
        String title,
        String summary,
        String bodyHtml,
        String bodyText,
        @Column(name = "fields", columnDefinition = "jsonb") @ColumnTransformer(write = "cast(? as jsonb)") String fieldsJson,
        String seoTitle,
        String seoDescription,
        String translatedFromLang,
        Integer translatedFromRevision) {

    /** The same content, recorded as translated from {@code lang} at {@code revision} (both null: not a translation). */
    public RevisionContent withTranslation(String lang, Integer revision) {
        return new RevisionContent(slug, title, summary, bodyHtml, bodyText, fieldsJson, seoTitle, seoDescription, lang, revision);
    }
}
