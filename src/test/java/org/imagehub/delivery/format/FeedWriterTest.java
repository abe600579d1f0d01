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
}
