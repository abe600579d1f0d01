package org.imagehub.content.story;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imagehub.platform.http.ApiSchemas;

/**
 * The localization (by language) and revision a translation was made from. Written as {@code "vi"} or
 * {@code {"lang":"vi","revision":4}}; without a revision, the source's current revision is meant.
 */
@Schema(description = "The source localization: {lang, revision}, or just its language tag as a string (its current revision)",
        requiredProperties = "lang")
public record TranslationSource(
        @Schema(pattern = ApiSchemas.LANGUAGE_TAG, example = "vi") String lang,
        @Schema(description = "Default: the source's current revision", minimum = "1", example = "4") Integer revision) {
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public TranslationSource(@JsonProperty("lang") String lang, @JsonProperty("revision") Integer revision) {
        this.lang = lang;
        this.revision = revision;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TranslationSource ofLanguage(String lang) {
        return new TranslationSource(lang, null);
    }
}
