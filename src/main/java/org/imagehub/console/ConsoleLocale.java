package org.imagehub.console;

import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The language and time zone the console speaks to this person in: the language they picked (cookie
 * {@code ih_lang}: vi or en) else their browser's first choice of the two; the time zone their browser reports
 * (cookie {@code ih_tz}, set by console.js) else UTC.
 */
@RequestScoped
public class ConsoleLocale {
    public static final String LANGUAGE_COOKIE = "ih_lang";
    public static final String ZONE_COOKIE = "ih_tz";
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Locale locale;
    private final ZoneId zone;

    public ConsoleLocale(RoutingContext context) {
        this.locale = Locale.forLanguageTag(language(context));
        this.zone = zone(context.request().getCookie(ZONE_COOKIE));
    }

    public TemplateInstance apply(TemplateInstance page) {
        return page.setLocale(locale).data("lang", locale.getLanguage()).data("zone", zone.getId()).data("dates", this);
    }

    /** {@code dates.show(instant)} in a template: the instant in the person's time zone. */
    public String show(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant.atZone(zone));
    }

    public ZoneId zone() {
        return zone;
    }

    private static String language(RoutingContext context) {
        Cookie chosen = context.request().getCookie(LANGUAGE_COOKIE);
        if (chosen != null && (chosen.getValue().equals("vi") || chosen.getValue().equals("en"))) {
            return chosen.getValue();
        }
        String accept = context.request().getHeader("Accept-Language");
        return accept != null && accept.trim().toLowerCase(Locale.ROOT).startsWith("vi") ? "vi" : "en";
    }

    private static ZoneId zone(Cookie cookie) {
        if (cookie == null) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(java.net.URLDecoder.decode(cookie.getValue(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (DateTimeException | IllegalArgumentException e) {
            return ZoneId.of("UTC");
        }
    }
}
