package org.imagehub.social.network;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a network measures the length of a post's text; each network documents its own unit. */
public enum LengthCounting {
    /** X's weighted length: URLs weigh 23, CJK and most non-Latin letters 2 (twitter-text). */
    @JsonProperty("twitter") TWITTER,
    /** User-perceived characters: an emoji family, a flag or a letter with two accents is 1. */
    @JsonProperty("graphemes") GRAPHEMES,
    /** UTF-16 code units, as JavaScript's {@code length}: an emoji outside the BMP is 2. */
    @JsonProperty("utf16") UTF16,
    /** Unicode code points. */
    @JsonProperty("codepoints") CODEPOINTS,
    /** UTF-8 bytes: YouTube limits descriptions in bytes, so a Chinese character counts 3. */
    @JsonProperty("utf8-bytes") UTF8_BYTES
}
