package org.imagehub.content.text;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Story bodies are HTML from editors' tools, published on other people's websites: only an allow-list of
 * elements survives (no scripts, event handlers, javascript:/data: URLs, or iframes from unknown hosts).
 */
public final class RichText {
    private static final Pattern EMBED_HOSTS = Pattern.compile(
            "^https://(www\\.youtube-nocookie\\.com|www\\.youtube\\.com|player\\.vimeo\\.com)/[^\\s\"'<>]*$");

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("a")
                    .allowUrlProtocols("https", "http", "mailto")
                    .allowAttributes("href", "title", "hreflang").onElements("a")
                    .requireRelsOnLinks("noopener", "noreferrer")
                    .allowElements("img")
                    .allowAttributes("src").matching(Pattern.compile("^https?://[^\\s\"'<>]+$")).onElements("img")
                    .allowAttributes("alt", "title", "width", "height").onElements("img")
                    .allowElements("figure", "figcaption", "br", "hr", "ul", "ol", "li", "dl", "dt", "dd", "cite", "q", "abbr", "time", "small")
                    .allowAttributes("datetime").onElements("time")
                    .allowAttributes("lang", "dir").globally()
                    .allowElements("iframe")
                    .allowAttributes("src").matching(EMBED_HOSTS).onElements("iframe")
                    .allowAttributes("title", "width", "height", "allowfullscreen").onElements("iframe")
                    .disallowWithoutAttributes("iframe")
                    .toFactory());

    private RichText() {
    }

    public static String sanitize(String html) {
        return html == null ? "" : POLICY.sanitize(html);
    }

    /** The text a reader sees, paragraphs kept apart by blank lines: for search, social posts and feeds. */
    public static String toPlainText(String safeHtml) {
        if (safeHtml == null || safeHtml.isEmpty()) {
            return "";
        }
        String fast = PlainText.of(safeHtml);
        if (fast != null) {
            return fast;
        }
        var document = Jsoup.parseBodyFragment(safeHtml);
        document.select("p, li, blockquote, h1, h2, h3, h4, h5, h6, figcaption, tr, br").after("\n\n");
        String text = document.body().wholeText();
        return text.replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" *\\n[\\n ]*", "\n\n").strip();
    }
}
