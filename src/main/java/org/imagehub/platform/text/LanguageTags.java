package org.imagehub.platform.text;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.imagehub.platform.errors.ValidationException;

/** BCP 47 language tags: validated, canonicalised ({@code zh-hans} → {@code zh-Hans}) and classified by direction. */
public final class LanguageTags {
    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());
    private static final Set<String> RTL_LANGUAGES = Set.of("ar", "fa", "he", "ur", "ps", "sd", "ug", "yi", "dv", "ckb", "syr", "iw");
    private static final Set<String> RTL_SCRIPTS = Set.of("Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg");
    /**
     * Tags already accepted, as given → canonical, and canonical tags → right to left. Every imported line, request
     * parameter and document names a few languages, and parsing one builds several locale objects; a hub meets a
     * few dozen distinct tags, and past {@link #REMEMBERED} the rest are worked out each time (no unbounded growth
     * from clients' tags).
     */
    private static final int REMEMBERED = 1024;
    private static final Map<String, String> CANONICAL = new ConcurrentHashMap<>();
    private static final Map<String, Boolean> RIGHT_TO_LEFT = new ConcurrentHashMap<>();

    private LanguageTags() {
    }

    /** The canonical form of a tag, or a validation error naming {@code field}. */
    public static String canonical(String tag, String field) {
        if (tag == null || tag.isBlank()) {
            throw ValidationException.of(field, "required", "a BCP 47 language tag is required");
        }
        String known = CANONICAL.get(tag);
        if (known != null) {
            return known;
        }
        String canonical = parse(tag, field);
        remember(CANONICAL, tag, canonical);
        return canonical;
    }

    private static String parse(String tag, String field) {
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
        Boolean known = RIGHT_TO_LEFT.get(canonicalTag);
        if (known != null) {
            return known;
        }
        boolean rightToLeft = directionOf(canonicalTag);
        remember(RIGHT_TO_LEFT, canonicalTag, rightToLeft);
        return rightToLeft;
    }

    private static <V> void remember(Map<String, V> memo, String key, V value) {
        if (memo.size() < REMEMBERED) {
            memo.put(key, value);
        }
    }

    private static boolean directionOf(String canonicalTag) {
        Locale locale = Locale.forLanguageTag(canonicalTag);
        if (!locale.getScript().isEmpty()) {
            return RTL_SCRIPTS.contains(locale.getScript());
        }
        return RTL_LANGUAGES.contains(locale.getLanguage());
    }
}
