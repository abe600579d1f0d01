package org.imagehub.delivery.format;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.imagehub.delivery.DeliveredStory;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/**
 * Writes a {@link Feed} as RSS 2.0 or Atom 1.0 XML (UTF-8) with Rome.
 *
 * <p>RSS readers take title, description and author as HTML, so the plain text of a story is HTML-escaped there
 * (a summary {@code <img src=x>} is shown as those characters, never run); Atom says so itself with
 * {@code type="text"}. RSS carries its own address as {@code atom:link rel="self"} and says each date and language
 * once; Atom entries carry their own {@code updated}, to the fraction of a second.
 */
public final class FeedWriter {
    private static final String RSS = "rss_2.0";
    private static final String ATOM = "atom_1.0";
    private static final Namespace ATOM_NAMESPACE = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

    public String rss(Feed feed) {
        Channel channel = (Channel) syndFeed(feed, RSS).createWireFeed();
        withoutDublinCoreRepeats(channel);
        // RSS has no element for its own address; the Atom link is the one readers and validators look for.
        channel.setForeignMarkup(List.of(new Element("link", ATOM_NAMESPACE)
                .setAttribute("href", feed.selfUrl()).setAttribute("rel", "self").setAttribute("type", "application/rss+xml")));
        return withHexadecimalReferences(write(channel, feed));
    }

    public String atom(Feed feed) {
        return write(syndFeed(feed, ATOM).createWireFeed(), feed);
    }

    private static SyndFeed syndFeed(Feed feed, String type) {
        SyndFeed syndFeed = new SyndFeedImpl();
        syndFeed.setFeedType(type);
        syndFeed.setEncoding("UTF-8");
        syndFeed.setUri(feed.selfUrl());
        TextEncoding text = RSS.equals(type) ? FeedWriter::escapeHtml : plain -> plain;
        syndFeed.setTitle(text.encode(feed.title()));
        if (RSS.equals(type)) {
            // RSS 2.0 requires a channel description; the title is the only honest one a per-language feed has.
            syndFeed.setDescription(text.encode(feed.title()));
        }
        syndFeed.setLink(feed.homeUrl());
        syndFeed.setLinks(List.of(link("alternate", feed.homeUrl(), null), link("self", feed.selfUrl(), null)));
        syndFeed.setLanguage(feed.lang());
        syndFeed.setPublishedDate(date(feed.updated()));
        syndFeed.setEntries(feed.items().stream().map(story -> entry(story, text)).toList());
        return syndFeed;
    }

    /** How plain text is put into the feed: as it is (Atom, whose text constructs say type="text"), or HTML-escaped (RSS). */
    @FunctionalInterface
    private interface TextEncoding {
        String encode(String plain);
    }

    private static SyndEntry entry(DeliveredStory story, TextEncoding text) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri(StoryUrn.of(story));
        entry.setTitle(text.encode(story.title()));
        entry.setLink(story.url());
        entry.setLinks(links(story));
        if (story.summary() != null) {
            entry.setDescription(content("text/plain", text.encode(story.summary())));
        }
        if (story.bodyHtml() != null) {
            entry.setContents(List.of(content("text/html", story.bodyHtml())));
        }
        entry.setPublishedDate(date(story.firstPublishedAt()));
        entry.setUpdatedDate(date(story.publishedAt()));
        entry.setCategories(categories(story.topics()));
        // Rome writes this as atom:author, and as dc:creator in RSS, whose own author element must be an e-mail address.
        entry.setAuthor(text.encode(Credit.of(story)));
        // RSS items have no language element of their own; Dublin Core's carries it (Atom gets xml:lang instead).
        ((DCModule) entry.getModule(DCModule.URI)).setLanguage(story.lang());
        entry.setEnclosures(enclosure(story));
        return entry;
    }

    /**
     * The story's video if it has one (an enclosure is the medium a reader fetches), else its first image, else its
     * first document (PDF): RSS allows
     * one enclosure per item, and Rome writes it in Atom as {@code link rel="enclosure"}.
     */
    private static List<com.rometools.rome.feed.synd.SyndEnclosure> enclosure(DeliveredStory story) {
        if (story.media() == null) {
            return List.of();
        }
        return story.media().stream().sorted(java.util.Comparator.comparingInt(media -> media.isVideo() ? 0 : media.isDocument() ? 2 : 1))
                .map(org.imagehub.delivery.DeliveredMedia::display).filter(java.util.Objects::nonNull).limit(1)
                .map(file -> {
                    com.rometools.rome.feed.synd.SyndEnclosure enclosure = new com.rometools.rome.feed.synd.SyndEnclosureImpl();
                    enclosure.setUrl(file.url());
                    enclosure.setType(file.mediaType());
                    enclosure.setLength(file.bytes());
                    return enclosure;
                }).toList();
    }

    /** The story's own address first, then the same story in each other language for hreflang-aware readers. */
    private static List<SyndLink> links(DeliveredStory story) {
        List<SyndLink> links = new ArrayList<>();
        links.add(link("alternate", story.url(), story.lang()));
        if (story.otherLanguages() != null) {
            story.otherLanguages().forEach(other -> links.add(link("alternate", other.url(), other.lang())));
        }
        return links;
    }

    private static SyndLink link(String rel, String href, String hreflang) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setHref(href);
        link.setHreflang(hreflang);
        return link;
    }

    private static List<SyndCategory> categories(List<String> topics) {
        List<SyndCategory> categories = new ArrayList<>();
        for (String topic : topics == null ? List.<String>of() : topics) {
            SyndCategory category = new SyndCategoryImpl();
            category.setName(topic);
            categories.add(category);
        }
        return categories;
    }

    private static SyndContent content(String type, String value) {
        SyndContent content = new SyndContentImpl();
        content.setType(type);
        content.setValue(value);
        return content;
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    /** The text as HTML shows it: markup characters become character references. */
    static String escapeHtml(String plain) {
        if (plain == null) {
            return null;
        }
        StringBuilder escaped = new StringBuilder(plain.length() + 16);
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * The RSS Best Practices Profile asks for "&" and "<" in plain text as hexadecimal character references, which
     * tells a reader the escaping was meant. The XML means the same: JDOM writes {@code &amp;} and {@code &lt;} only
     * for those two characters, so each is swapped for its hexadecimal form.
     */
    private static String withHexadecimalReferences(String xml) {
        return xml.replace("&amp;", "&#x26;").replace("&lt;", "&#x3C;");
    }

    /**
     * Rome keeps a feed's date and language in its Dublin Core module and writes them twice in RSS: as pubDate and
     * dc:date, as language and dc:language. The RSS elements stay; an item keeps dc:language (RSS has no item
     * language) and dc:creator (RSS's own author must be an e-mail address).
     */
    private static void withoutDublinCoreRepeats(Channel channel) {
        DCModule channelDc = (DCModule) channel.getModule(DCModule.URI);
        if (channelDc != null) {
            channelDc.setDates(new ArrayList<>());
            channelDc.setLanguages(new ArrayList<>());
        }
        for (Item item : channel.getItems()) {
            DCModule itemDc = (DCModule) item.getModule(DCModule.URI);
            if (itemDc != null) {
                itemDc.setDates(new ArrayList<>());
            }
        }
    }

    private static String write(WireFeed wireFeed, Feed feed) {
        try {
            Document document = new WireFeedOutput().outputJDom(wireFeed);
            if (ATOM.equals(wireFeed.getFeedType())) {
                markAtomLanguages(document.getRootElement(), feed);
                writePreciseAtomDates(document.getRootElement(), feed);
            }
            return new XMLOutputter(Format.getRawFormat().setEncoding("UTF-8")).outputString(document);
        } catch (FeedException e) {
            throw new IllegalStateException("Rome could not write the " + wireFeed.getFeedType() + " feed", e);
        }
    }

    /**
     * Rome writes Atom dates to the second, so stories published in the same second would share an {@code updated}
     * (which Atom readers use to tell entries' changes apart). RFC 3339 allows the fraction: each entry keeps its own.
     */
    private static void writePreciseAtomDates(Element root, Feed feed) {
        Namespace atom = root.getNamespace();
        setText(root.getChild("updated", atom), feed.updated());
        List<Element> entries = root.getChildren("entry", atom);
        for (int i = 0; i < entries.size(); i++) {
            DeliveredStory story = feed.items().get(i);
            setText(entries.get(i).getChild("published", atom), story.firstPublishedAt());
            setText(entries.get(i).getChild("updated", atom), story.publishedAt());
        }
    }

    private static void setText(Element element, Instant instant) {
        if (element != null && instant != null) {
            element.setText(instant.toString());
        }
    }

    /** Rome writes no xml:lang in Atom; without it a reader cannot tell the feed's language, nor an entry's. */
    private static void markAtomLanguages(Element root, Feed feed) {
        root.setAttribute("lang", feed.lang(), Namespace.XML_NAMESPACE);
        List<Element> entries = root.getChildren("entry", root.getNamespace());
        for (int i = 0; i < entries.size(); i++) {
            entries.get(i).setAttribute("lang", feed.items().get(i).lang(), Namespace.XML_NAMESPACE);
        }
    }
}
