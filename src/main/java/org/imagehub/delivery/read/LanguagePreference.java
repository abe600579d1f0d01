package org.imagehub.delivery.read;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.imagehub.platform.text.LanguageTags;
import org.imagehub.platform.errors.ValidationException;

/**
 * The languages a consumer asked for, best first. {@code ?lang=fr,en} is a strict chain (nothing else is served);
 * {@code Accept-Language} is a preference, after which any language will do; with neither, any language will do.
 */
public record LanguagePreference(List<String> chain, boolean anyAfterwards) {
    private static final int MAX_LANGUAGES = 10;

    public static LanguagePreference of(String langParameter, String acceptLanguage) {
        if (langParameter != null) {
            return new LanguagePreference(parameter(langParameter), false);
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            return new LanguagePreference(header(acceptLanguage), true);
        }
        return new LanguagePreference(List.of(), true);
    }

    /** The position of {@code lang} in the chain, or the chain's length when only "any" admits it (-1: not acceptable). */
    public int rank(String lang) {
        int index = chain.indexOf(lang);
        if (index >= 0) {
            return index;
        }
        return anyAfterwards ? chain.size() : -1;
    }

    /** A stable text for cache keys. */
    public String signature() {
        return String.join(",", chain) + (anyAfterwards ? ",*" : "");
    }

    private static List<String> parameter(String value) {
        String[] parts = value.split(",", -1);
        if (value.isBlank() || parts.length > MAX_LANGUAGES) {
            throw ValidationException.of("query.lang", "invalid", "one to " + MAX_LANGUAGES + " BCP 47 tags separated by commas, such as fr,en");
        }
        Set<String> chain = new LinkedHashSet<>();
        for (String part : parts) {
            addWithParent(chain, LanguageTags.canonical(part.trim(), "query.lang"));
        }
        return List.copyOf(chain);
    }

    /** Accept-Language ranges by weight; malformed ranges are ignored, as HTTP clients expect. */
    private static List<String> header(String value) {
        Set<String> chain = new LinkedHashSet<>();
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(value);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() == 0 || range.getRange().equals("*") || chain.size() >= MAX_LANGUAGES) {
                continue;
            }
            try {
                addWithParent(chain, LanguageTags.canonical(range.getRange(), "header.Accept-Language"));
            } catch (ValidationException ignored) {
                // not a language this hub could serve
            }
        }
        return new ArrayList<>(chain);
    }

    /** fr-FR also accepts fr, as a consumer would expect; zh-Hans-CN also zh-Hans. */
    private static void addWithParent(Set<String> chain, String tag) {
        chain.add(tag);
        int cut = tag.lastIndexOf('-');
        while (cut > 0) {
            tag = tag.substring(0, cut);
            chain.add(tag);
            cut = tag.lastIndexOf('-');
        }
    }
}
