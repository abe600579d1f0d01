package org.imagehub.content.revision;

import java.time.Instant;

public record RevisionView(int number, String slug, String title, String summary, String body, String fields, String seoTitle,
        String seoDescription, String translatedFromLang, Integer translatedFromRevision, Integer restoredFrom, Instant createdAt,
        String createdBy) {

    public static RevisionView of(LocalizationRevision revision) {
        RevisionContent content = revision.content;
        return new RevisionView(revision.number, content.slug(), content.title(), content.summary(), content.bodyHtml(), content.fieldsJson(),
                content.seoTitle(), content.seoDescription(), content.translatedFromLang(), content.translatedFromRevision(),
                revision.restoredFrom, revision.createdAt, revision.createdBy);
    }
}
