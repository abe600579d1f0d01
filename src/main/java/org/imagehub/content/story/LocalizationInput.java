package org.imagehub.content.story;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imagehub.content.text.Slugs;
import org.imagehub.platform.http.ApiSchemas;

/** One language version as editors send it; {@code body} is HTML and is sanitised before it is stored. */
@Schema(requiredProperties = "title")
public record LocalizationInput(
        @Schema(description = "BCP 47 tag; required in a story's localizations, else the path's language", pattern = ApiSchemas.LANGUAGE_TAG,
                example = "fr") String lang,
        @Schema(minLength = 1, maxLength = StoryLimits.TITLE, pattern = ApiSchemas.NOT_BLANK, example = "Le Vietnam et la France renforcent leur coopération")
        String title,
        @Schema(maxLength = StoryLimits.SUMMARY, example = "Une nouvelle étape du partenariat stratégique.") String summary,
        @Schema(description = "HTML, sanitised before it is stored", maxLength = StoryLimits.BODY, example = "<p>Hanoï, le 23 novembre.</p>")
        String body,
        @Schema(description = "Default: made from the title", pattern = Slugs.PATTERN, maxLength = Slugs.MAX_LENGTH,
                example = "le-vietnam-et-la-france-renforcent-leur-cooperation") String slug,
        @Schema(description = "The type's localization fields, validated against the content model") JsonNode fields,
        @Schema(maxLength = StoryLimits.SEO_TITLE) String seoTitle,
        @Schema(maxLength = StoryLimits.SEO_DESCRIPTION) String seoDescription,
        @Schema(description = "What it was translated from: a language tag, or {lang, revision}",
                oneOf = {ApiSchemas.LanguageTag.class, TranslationSource.class}) TranslationSource translatedFrom) {
}
