package org.imagehub.content.revision;

import java.time.Instant;

public record RevisionView(int number, String slug, String title, String summary, String body, String fields, String seoTitle,
        String seoDescription, String translatedFromLang, Integer translatedFromRevision, Integer restoredFrom, Instant createdAt,
        String createdBy) {

    public static RevisionView of(LocalizationRevision revision) {
        return new RevisionView(revision.number, revision.slug, revision.title, revision.summary, revision.bodyHtml, revision.fieldsJson,
                revision.seoTitle, revision.seoDescription, revision.translatedFromLang, revision.translatedFromRevision,
                revision.restoredFrom, revision.createdAt, revision.createdBy);
    }
}
