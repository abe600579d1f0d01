package org.imagehub.platform.text;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;
import org.imagehub.platform.errors.ValidationException;

/** BCP 47 language tags: validated, canonicalised ({@code zh-hans} → {@code zh-Hans}) and classified by direction. */
public final class LanguageTags {
    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());
    private static final Set<String> RTL_LANGUAGES = Set.of("ar", "fa", "he", "ur", "ps", "sd", "ug", "yi", "dv", "ckb", "syr", "iw");
    private static final Set<String> RTL_SCRIPTS = Set.of("Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg");

    private LanguageTags() {
    }

    /** The canonical form of a tag, or a validation error naming {@code field}. */
    public static String canonical(String tag, String field) {
        if (tag == null || tag.isBlank()) {
            throw ValidationException.of(field, "required", "a BCP 47 language tag is required");
        }
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(tag.trim()).build();
        } catch (IllformedLocaleException e) {
            throw ValidationException.of(field, "invalid-language", "'" + tag + "' is not a well-formed BCP 47 language tag");
        }
        String language = locale.getLanguage();
        boolean known = language.length() == 2 ? ISO_639_1.contains(language) : language.length() == 3;
        if (!known || "und".equals(language)) {
            throw ValidationException.of(field, "invalid-language", "'" + tag + "' does not name a known language");
        }
        return locale.toLanguageTag();
    }

    public static boolean isRightToLeft(String canonicalTag) {
        Locale locale = Locale.forLanguageTag(canonicalTag);
        if (!locale.getScript().isEmpty()) {
            return RTL_SCRIPTS.contains(locale.getScript());
        }
        return RTL_LANGUAGES.contains(locale.getLanguage());
    }
}
