package org.imagehub.delivery.format;

import org.imagehub.testing.SharedSchemas;
import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.imagehub.delivery.DeliveredStory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class FeedWriterTest {
    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    private static final String DC_NS = "http://purl.org/dc/elements/1.1/";
    private static final String MARKUP = "<img src=x onerror=alert(1)>";

    private final FeedWriter writer = new FeedWriter();

    /** A French feed whose last item fell back to Ukrainian, the way a fallback chain can fill a feed. */
    private static Feed frenchFeed() {
        List<DeliveredStory> items = List.of(
                DeliveredStories.inLanguage("fr").alsoIn("vi", "zh-Hans").build(),
                DeliveredStories.inLanguage("uk").build());
        return new Feed("fr", "Image Hub — actualités", "https://hub.example.org/api/v1/feeds/fr.atom",
                "https://hub.example.org/fr", Instant.parse("2024-05-04T10:00:00Z"), items);
    }

    private static Feed feedIn(String lang) {
        return new Feed(lang, "Image Hub " + lang, "https://hub.example.org/api/v1/feeds/" + lang + ".atom",
                "https://hub.example.org/" + lang, Instant.parse("2024-05-04T10:00:00Z"),
                List.of(DeliveredStories.inLanguage(lang).build()));
    }

    @Test
    void atomIsValidAgainstTheRfc4287Schema() {
        for (String lang : DeliveredStories.corpusLanguages()) {
            assertThat(SharedSchemas.atomErrors(writer.atom(feedIn(lang)))).as(lang).isEmpty();
        }
        assertThat(SharedSchemas.atomErrors(writer.atom(frenchFeed()))).isEmpty();
    }

    @Test
    void anImageIsAnEnclosureInRssAndAtomAndAtomStaysValid() {
        Feed feed = new Feed("fr", "Image Hub", "https://hub.example.org/api/v1/feeds/fr.atom", "https://hub.example.org/",
                java.time.Instant.parse("2024-05-04T10:00:00Z"), List.of(DeliveredStories.inLanguage("fr").withImage().build()));
        String atom = writer.atom(feed);
        assertThat(SharedSchemas.atomErrors(atom)).isEmpty();
        assertThat(atom).contains("rel=\"enclosure\"").contains("large-3fa2c1d9e0ab4c11.jpg").contains("length=\"312000\"");
        assertThat(writer.rss(feed)).contains("<enclosure url=\"https://hub.example.org/api/v1/media/01jd8x6m3v9q2w7r5t4y1k0zpa/large-3fa2c1d9e0ab4c11.jpg\"")
                .contains("type=\"image/jpeg\"");
    }

    @Test
    void aStorysVideoIsItsEnclosureInRssAndAtomAndAtomStaysValid() {
        Feed feed = new Feed("fr", "Image Hub", "https://hub.example.org/api/v1/feeds/fr.atom", "https://hub.example.org/",
                java.time.Instant.parse("2024-05-04T10:00:00Z"), List.of(DeliveredStories.inLanguage("fr").withImage().withVideo().build()));
        String atom = writer.atom(feed);
        assertThat(SharedSchemas.atomErrors(atom)).isEmpty();
        assertThat(atom).contains("rel=\"enclosure\"").contains("original-7d65f86d08188c9f.mp4").contains("type=\"video/mp4\"")
                .contains("length=\"48000000\"");
        assertThat(writer.rss(feed)).contains("<enclosure url=\"https://hub.example.org/api/v1/media/01jd8x6m3v9q2w7r5t4y1k0zvv/original-7d65f86d08188c9f.mp4\"")
                .contains("type=\"video/mp4\"");
    }

    @Test
    void theAtomSchemaCheckRejectsAnEntryWithoutId() {
        String atom = writer.atom(feedIn("vi"));
        String withoutEntryId = atom.replaceFirst("(?s)(<entry.*?)<id>[^<]*</id>", "$1");

        assertThat(withoutEntryId).isNotEqualTo(atom);
        assertThat(SharedSchemas.atomErrors(withoutEntryId)).isNotEmpty();
    }

    @Test
    void atomReadsBackWithIdsTitlesLinksAndDates() throws Exception {
        Feed feed = frenchFeed();

        SyndFeed parsed = new SyndFeedInput().build(new StringReader(writer.atom(feed)));

        assertThat(parsed.getTitle()).isEqualTo(feed.title());
        assertThat(parsed.getEntries()).hasSize(2);
        for (int i = 0; i < feed.items().size(); i++) {
            DeliveredStory story = feed.items().get(i);
            SyndEntry entry = parsed.getEntries().get(i);
            assertThat(entry.getUri()).isEqualTo(StoryUrn.of(story));
            assertThat(entry.getTitle()).isEqualTo(story.title());
            assertThat(entry.getLink()).isEqualTo(story.url());
            assertThat(entry.getDescription().getValue()).isEqualTo(story.summary());
            assertThat(entry.getContents().get(0).getValue()).isEqualTo(story.bodyHtml());
            assertThat(entry.getPublishedDate()).isEqualTo(Date.from(story.firstPublishedAt()));
            assertThat(entry.getUpdatedDate()).isEqualTo(Date.from(story.publishedAt()));
            assertThat(entry.getCategories()).extracting(SyndCategory::getName).containsExactlyElementsOf(story.topics());
            assertThat(entry.getAuthors().get(0).getName()).isEqualTo("VNA");
        }
        assertThat(parsed.getEntries().get(0).getLinks()).extracting(SyndLink::getHreflang).containsExactly("fr", "vi", "zh-Hans");
    }

    @Test
    void atomMarksTheLanguageOfTheFeedAndOfEachEntry() throws Exception {
        String atom = writer.atom(frenchFeed());

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element root = factory.newDocumentBuilder().parse(new InputSource(new StringReader(atom))).getDocumentElement();
        NodeList entries = root.getElementsByTagNameNS(ATOM_NS, "entry");

        assertThat(root.getAttributeNS(XML_NS, "lang")).isEqualTo("fr");
        assertThat(((Element) entries.item(0)).getAttributeNS(XML_NS, "lang")).isEqualTo("fr");
        assertThat(((Element) entries.item(1)).getAttributeNS(XML_NS, "lang")).isEqualTo("uk");
    }

    @Test
    void rssReadsBackWithItemsDatesAndLanguages() throws Exception {
        Feed feed = frenchFeed();

        SyndFeed parsed = new SyndFeedInput().build(new StringReader(writer.rss(feed)));

        assertThat(parsed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(parsed.getLanguage()).isEqualTo("fr");
        assertThat(parsed.getLink()).isEqualTo(feed.homeUrl());
        assertThat(parsed.getEntries()).hasSize(2);
        for (int i = 0; i < feed.items().size(); i++) {
            DeliveredStory story = feed.items().get(i);
            SyndEntry entry = parsed.getEntries().get(i);
            assertThat(entry.getUri()).isEqualTo(StoryUrn.of(story));
            assertThat(entry.getTitle()).isEqualTo(story.title());
            assertThat(entry.getLink()).isEqualTo(story.url());
            assertThat(entry.getPublishedDate()).isEqualTo(Date.from(story.firstPublishedAt()));
            assertThat(entry.getCategories()).extracting(SyndCategory::getName).containsExactlyElementsOf(story.topics());
            assertThat(((DCModule) entry.getModule(DCModule.URI)).getLanguage()).isEqualTo(story.lang());
            assertThat(entry.getAuthor()).isEqualTo("VNA");
        }
    }

    @Test
    void everyScriptSurvivesBothFormatsExactly() throws Exception {
        for (String lang : DeliveredStories.corpusLanguages()) {
            Feed feed = feedIn(lang);
            String expected = feed.items().get(0).title();
            for (String xml : List.of(writer.rss(feed), writer.atom(feed))) {
                assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
                SyndEntry entry = new SyndFeedInput().build(new StringReader(xml)).getEntries().get(0);
                assertThat(entry.getTitle()).as(lang).isEqualTo(expected);
            }
        }
    }

    /** A feed whose newest story's headline, lead and credit are text that looks like markup. */
    private static Feed feedWithMarkupInText() {
        List<DeliveredStory> items = List.of(
                DeliveredStories.inLanguage("fr").text("Titre " + MARKUP + " & suite", MARKUP).rights("<b>Desk</b> & Co", "MOFA", "CC-BY-4.0")
                        .publishedAt(Instant.parse("2024-05-04T10:00:00.250Z")).build(),
                DeliveredStories.inLanguage("uk").publishedAt(Instant.parse("2024-05-04T10:00:00.125Z")).build());
        return new Feed("fr", "Image Hub (fr)", "https://hub.example.org/api/v1/feeds/fr.rss", "https://hub.example.org/fr",
                Instant.parse("2024-05-04T10:00:00.250Z"), items);
    }

    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
    }

    private static List<String> texts(Element parent, String namespace, String name) {
        List<String> texts = new java.util.ArrayList<>();
        for (org.w3c.dom.Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && name.equals(element.getLocalName()) && java.util.Objects.equals(namespace, element.getNamespaceURI())) {
                texts.add(element.getTextContent());
            }
        }
        return texts;
    }

    @Test
    void rssTextThatLooksLikeMarkupIsEscapedSoReadersShowItAsCharacters() throws Exception {
        String rss = writer.rss(feedWithMarkupInText());
        Element item = (Element) parse(rss).getElementsByTagName("item").item(0);

        // RSS readers render these elements as HTML: the HTML must be the escaped text, never an element.
        assertThat(texts(item, null, "title")).containsExactly("Titre &lt;img src=x onerror=alert(1)&gt; &amp; suite");
        assertThat(texts(item, null, "description")).containsExactly("&lt;img src=x onerror=alert(1)&gt;");
        assertThat(texts(item, DC_NS, "creator")).containsExactly("&lt;b&gt;Desk&lt;/b&gt; &amp; Co");
        // "&" and "<" are written as hexadecimal character references, as the RSS Best Practices Profile asks.
        assertThat(rss).doesNotContain("&amp;", "&lt;", MARKUP).contains("&#x26;lt;img src=x onerror=alert(1)&#x26;gt;");
    }

    @Test
    void rssNamesItsOwnAddressAndSaysEachDateAndLanguageOnce() throws Exception {
        Feed feed = feedWithMarkupInText();
        Element channel = (Element) parse(writer.rss(feed)).getElementsByTagName("channel").item(0);

        NodeList atomLinks = channel.getElementsByTagNameNS(ATOM_NS, "link");
        assertThat(atomLinks.getLength()).isEqualTo(1);
        Element self = (Element) atomLinks.item(0);
        assertThat(self.getAttribute("rel")).isEqualTo("self");
        assertThat(self.getAttribute("href")).isEqualTo(feed.selfUrl());
        assertThat(self.getAttribute("type")).isEqualTo("application/rss+xml");
        assertThat(texts(channel, null, "pubDate")).hasSize(1);
        assertThat(texts(channel, null, "language")).containsExactly("fr");
        assertThat(texts(channel, DC_NS, "date")).isEmpty();
        assertThat(texts(channel, DC_NS, "language")).isEmpty();
        NodeList items = channel.getElementsByTagName("item");
        assertThat(items.getLength()).isEqualTo(2);
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            assertThat(texts(item, null, "pubDate")).hasSize(1);
            assertThat(texts(item, DC_NS, "date")).isEmpty();
            // An RSS item has no language element of its own: Dublin Core's is the only one.
            assertThat(texts(item, DC_NS, "language")).containsExactly(feed.items().get(i).lang());
        }
    }

    @Test
    void atomKeepsTextAsTextAndGivesEachEntryItsOwnUpdated() throws Exception {
        Feed feed = feedWithMarkupInText();
        String atom = writer.atom(feed);
        Element root = parse(atom);
        NodeList entries = root.getElementsByTagNameNS(ATOM_NS, "entry");

        assertThat(SharedSchemas.atomErrors(atom)).isEmpty();
        assertThat(texts(root, ATOM_NS, "updated")).containsExactly("2024-05-04T10:00:00.250Z");
        assertThat(entries.getLength()).isEqualTo(2);
        Element first = (Element) entries.item(0);
        Element title = (Element) first.getElementsByTagNameNS(ATOM_NS, "title").item(0);
        assertThat(title.getAttribute("type")).isIn("", "text");
        assertThat(title.getTextContent()).isEqualTo("Titre " + MARKUP + " & suite");
        // Published in the same second, the two entries still differ: Atom dates keep the fraction.
        assertThat(texts(first, ATOM_NS, "updated")).containsExactly("2024-05-04T10:00:00.250Z");
        assertThat(texts((Element) entries.item(1), ATOM_NS, "updated")).containsExactly("2024-05-04T10:00:00.125Z");
        assertThat(texts(first, ATOM_NS, "published")).containsExactly(feed.items().get(0).firstPublishedAt().toString());
    }
}
