package org.imagehub.content.story;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

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
        Instant updatedAt) {
}
