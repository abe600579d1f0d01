package org.imagehub.platform.http;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Shapes the API's validation enforces, as OpenAPI patterns and bounds: resources and request records cite these
 * in their {@code @Schema}/{@code @Parameter} annotations, so the document states the same rule the code checks.
 */
public final class ApiSchemas {
    /** A BCP 47 tag as {@code LanguageTags} accepts it (the language must also be a known ISO 639 language). */
    public static final String LANGUAGE_TAG = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$";
    /** {@code ?lang=}: one to ten language tags separated by commas, best first. */
    public static final String LANGUAGE_CHAIN = "^ *[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})* *(, *[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})* *){0,9}$";
    /** Codes of topics, key messages and content types: lower-case words of letters and digits joined by single dashes. */
    public static final String CODE = "^[a-z0-9]+(-[a-z0-9]+)*$";
    /** A list filter's topic or key message code. */
    public static final String FILTER_CODE = "^[a-z0-9][a-z0-9-]{0,99}$";
    /** An ISO 3166-1 alpha-2 country code, either case (stored upper-case). */
    public static final String COUNTRY = "^[A-Za-z]{2}$";
    /** Text that is not blank. */
    public static final String NOT_BLANK = "\\S";
    /** An ISO-8601 UTC instant as query parameters take it. */
    public static final String INSTANT_EXAMPLE = "2026-11-23T08:00:00Z";
    /** The largest page by default ({@code hub.limits.max-page-size}). */
    public static final String MAX_PAGE_SIZE = "100";

    private ApiSchemas() {
    }

    /** Item schemas for lists of codes, tags, countries and language tags (annotations cannot constrain list items otherwise). */
    @Schema(name = "Code", type = SchemaType.STRING, pattern = CODE, maxLength = 80, example = "diplomacy",
            description = "Lower-case letters and digits in words joined by single dashes")
    public static final class Code {
        private Code() {
        }
    }

    @Schema(name = "CountryCode", type = SchemaType.STRING, pattern = COUNTRY, example = "FR", description = "ISO 3166-1 alpha-2")
    public static final class CountryCode {
        private CountryCode() {
        }
    }

    @Schema(name = "LanguageTag", type = SchemaType.STRING, pattern = LANGUAGE_TAG, example = "fr", description = "A BCP 47 language tag")
    public static final class LanguageTag {
        private LanguageTag() {
        }
    }
}
