package org.imagehub.content.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The one-pass plain text must give what jsoup gives, and hand jsoup whatever a parser would restructure. */
class PlainTextTest {
    /** RichText.toPlainText as it was before the one-pass path: the reference. */
    private static String throughJsoup(String safeHtml) {
        var document = Jsoup.parseBodyFragment(safeHtml);
        document.select("p, li, blockquote, h1, h2, h3, h4, h5, h6, figcaption, tr, br").after("\n\n");
        String text = document.body().wholeText();
        return text.replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" *\\n[\\n ]*", "\n\n").strip();
    }

    @Test
    void aSanitisedArticleTakesTheOnePassPath() {
        String html = RichText.sanitize("<h2>Thông tin đối ngoại</h2>\n<p>Hà Nội &amp; l'école, <a href=\"https://x.org\">lien</a><br>"
                + "ligne\u00A0deux</p>\n\n<ul>\n<li>一</li><li><strong>Керівний</strong> комітет</li></ul><blockquote><p>q</p></blockquote>"
                + "<figure><img src=\"https://x.org/i.jpg\" alt=\"a > b\"><figcaption>légende</figcaption></figure>");
        assertNotNull(PlainText.of(html));
        assertEquals(throughJsoup(html), RichText.toPlainText(html));
        assertEquals("Thông tin đối ngoại\n\nHà Nội & l'école, lien\n\nligne\u00A0deux\n\n一\n\nКерівний комітет\n\nq\n\nlégende",
                RichText.toPlainText(html));
    }

    @Test
    void whatAParserWouldRestructureIsLeftToJsoup() {
        assertNull(PlainText.of("<p>a<div>b</div>c</p>"), "a block inside a paragraph closes it");
        assertNull(PlainText.of("<table><tr><td>a</td></tr>b</table>"), "text in a table is moved before it");
        assertNull(PlainText.of("<li>a<span><li>b</li></span></li>"), "a list item inside a list item closes it");
        assertNull(PlainText.of("<h2><h3>a</h3></h2>"), "a heading inside a heading closes it");
        assertNull(PlainText.of("<p><b>a</p></b>"), "misnested");
        assertNull(PlainText.of("<p>a"), "unclosed");
        assertNull(PlainText.of("a\r\nb"), "parsers turn CR LF into LF");
        assertNull(PlainText.of("&#128;"), "C1 references are remapped");
        assertNull(PlainText.of("&eacute;"), "named references other than the few sanitised HTML uses");
    }

    @Test
    void randomMarkupGivesWhatJsoupGives() {
        String[] tags = {"p", "b", "em", "a href=\"https://x.org/?a=1&amp;b=2\"", "ul", "ol", "li", "h2", "h3", "blockquote", "span", "div", "table",
            "tr", "td", "figure", "figcaption", "q", "dl", "dt", "dd", "font color=\"red\"", "pre", "script", "iframe src=\"https://www.youtube.com/embed/x\""};
        String[] voids = {"br", "br/", "hr", "img src=\"https://x.org/i.png\" alt=\"a > b\""};
        String[] texts = {"Hello", " ", "\n", "\t", "\r\n", "  world  ", "&amp;", "&lt;x&gt;", "&nbsp;", "&#169;", "&#x1F600;", "&eacute;", "&#128;",
            "&#0;", "\u0000", "a+b=c@d`e", "\"q\" 'a'", "Tạo chuyển biến", "对外信息工作", "\u2003", "\u00A0", "\f", "\u000B", "<", ">", "&", "&#10;", "&#13;"};
        Random random = new Random(18);
        for (int n = 0; n < 5_000; n++) {
            StringBuilder html = new StringBuilder();
            Deque<String> open = new ArrayDeque<>();
            for (int i = 0, length = 1 + random.nextInt(25); i < length; i++) {
                int pick = random.nextInt(10);
                if (pick < 3) {
                    String tag = tags[random.nextInt(tags.length)];
                    html.append('<').append(tag).append('>');
                    open.push(tag.split(" ")[0]);
                } else if (pick < 5 && !open.isEmpty()) {
                    html.append("</").append(random.nextInt(10) == 0 ? tags[random.nextInt(tags.length)].split(" ")[0] : open.pop()).append('>');
                } else if (pick < 6) {
                    html.append('<').append(voids[random.nextInt(voids.length)]).append('>');
                } else {
                    html.append(texts[random.nextInt(texts.length)]);
                }
            }
            while (random.nextBoolean() && !open.isEmpty()) {
                html.append("</").append(open.pop()).append('>');
            }
            for (String input : new String[] {html.toString(), RichText.sanitize(html.toString())}) {
                if (!input.isEmpty()) {
                    assertEquals(throughJsoup(input), RichText.toPlainText(input), input);
                }
            }
        }
    }
}
