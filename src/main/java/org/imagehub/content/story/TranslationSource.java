package org.imagehub.content.story;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The localization (by language) and revision a translation was made from. Written as {@code "vi"} or
 * {@code {"lang":"vi","revision":4}}; without a revision, the source's current revision is meant.
 */
public record TranslationSource(String lang, Integer revision) {
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
