package org.imagehub.content.story;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record LocalizationView(
        String lang,
        boolean rtl,
        String slug,
        String title,
        String summary,
        String body,
        String bodyText,
        JsonNode fields,
        String seoTitle,
        String seoDescription,
        String status,
        Instant publishedAt,
        Integer publishedRevision,
        Instant scheduledAt,
        String withdrawnReason,
        String publicReason,
        int revision,
        long version,
        TranslationStatus translation,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Only in the answer to a save or to a story create: stories of any organisation very like this text in this language")
        NearDuplicates.Check nearDuplicates) {

    public LocalizationView withNearDuplicates(NearDuplicates.Check check) {
        return new LocalizationView(lang, rtl, slug, title, summary, body, bodyText, fields, seoTitle, seoDescription, status, publishedAt,
                publishedRevision, scheduledAt, withdrawnReason, publicReason, revision, version, translation, updatedAt, check);
    }
}
