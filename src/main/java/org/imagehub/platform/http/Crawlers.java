package org.imagehub.platform.http;

import java.util.regex.Pattern;

/** Crawlers, link-preview fetchers and scripts: they load pages and follow links that no person read or clicked. */
public final class Crawlers {
    private static final Pattern AUTOMATED = Pattern.compile(
            "(?i)bot|crawl|spider|slurp|preview|facebookexternalhit|embedly|whatsapp|headless|lighthouse|curl/|wget|python-requests|java/|okhttp");

    private Crawlers() {
    }

    /** Whether a request with this user agent (never stored) comes from a person's browser, as far as its name says. */
    public static boolean isPerson(String userAgent) {
        return userAgent != null && !userAgent.isBlank() && !AUTOMATED.matcher(userAgent).find();
    }
}
