package org.imagehub.delivery.format;

import com.rometools.rome.feed.module.DCModule;
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
import com.rometools.rome.io.SyndFeedOutput;
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

/** Writes a {@link Feed} as RSS 2.0 or Atom 1.0 XML (UTF-8) with Rome. */
public final class FeedWriter {
    private static final String RSS = "rss_2.0";
    private static final String ATOM = "atom_1.0";

    public String rss(Feed feed) {
        return write(syndFeed(feed, RSS), feed);
    }

    public String atom(Feed feed) {
        return write(syndFeed(feed, ATOM), feed);
    }

    private static SyndFeed syndFeed(Feed feed, String type) {
        SyndFeed syndFeed = new SyndFeedImpl();
        syndFeed.setFeedType(type);
        syndFeed.setEncoding("UTF-8");
        syndFeed.setUri(feed.selfUrl());
        syndFeed.setTitle(feed.title());
        if (RSS.equals(type)) {
            // RSS 2.0 requires a channel description; the title is the only honest one a per-language feed has.
            syndFeed.setDescription(feed.title());
        }
        syndFeed.setLink(feed.homeUrl());
        syndFeed.setLinks(List.of(link("alternate", feed.homeUrl(), null), link("self", feed.selfUrl(), null)));
        syndFeed.setLanguage(feed.lang());
        syndFeed.setPublishedDate(date(feed.updated()));
        syndFeed.setEntries(feed.items().stream().map(FeedWriter::entry).toList());
        return syndFeed;
    }

    private static SyndEntry entry(DeliveredStory story) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri(StoryUrn.of(story));
        entry.setTitle(story.title());
        entry.setLink(story.url());
        entry.setLinks(links(story));
        if (story.summary() != null) {
            entry.setDescription(content("text/plain", story.summary()));
        }
        if (story.bodyHtml() != null) {
            entry.setContents(List.of(content("text/html", story.bodyHtml())));
        }
        entry.setPublishedDate(date(story.firstPublishedAt()));
        entry.setUpdatedDate(date(story.publishedAt()));
        entry.setCategories(categories(story.topics()));
        // Rome writes this as atom:author, and as dc:creator in RSS, whose own author element must be an e-mail address.
        entry.setAuthor(Credit.of(story));
        // RSS items have no language element of their own; Dublin Core's carries it (Atom gets xml:lang instead).
        ((DCModule) entry.getModule(DCModule.URI)).setLanguage(story.lang());
        return entry;
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

    private static String write(SyndFeed syndFeed, Feed feed) {
        try {
            Document document = new SyndFeedOutput().outputJDom(syndFeed);
            if (ATOM.equals(syndFeed.getFeedType())) {
                markAtomLanguages(document.getRootElement(), feed);
            }
            return new XMLOutputter(Format.getRawFormat().setEncoding("UTF-8")).outputString(document);
        } catch (FeedException e) {
            throw new IllegalStateException("Rome could not write the " + syndFeed.getFeedType() + " feed", e);
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
