package org.imagehub.content.revision;

/** The versioned content of a localization: what a revision snapshots and what a restore brings back. */
public record RevisionContent(
        String slug,
        String title,
        String summary,
        String bodyHtml,
        String bodyText,
        String fieldsJson,
        String seoTitle,
        String seoDescription,
        String translatedFromLang,
        Integer translatedFromRevision) {

    public static RevisionContent of(LocalizationRevision revision) {
        return new RevisionContent(revision.slug, revision.title, revision.summary, revision.bodyHtml, revision.bodyText,
                revision.fieldsJson, revision.seoTitle, revision.seoDescription, revision.translatedFromLang,
                revision.translatedFromRevision);
    }
}
