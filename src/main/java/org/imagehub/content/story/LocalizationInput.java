package org.imagehub.content.story;

import com.fasterxml.jackson.databind.JsonNode;

/** One language version as editors send it; {@code body} is HTML and is sanitised before it is stored. */
public record LocalizationInput(
        String lang,
        String title,
        String summary,
        String body,
        String slug,
        JsonNode fields,
        String seoTitle,
        String seoDescription,
        TranslationSource translatedFrom) {
}
