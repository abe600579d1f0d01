package org.imagehub.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.imagehub.content.story.SearchableStories.Language;
import org.imagehub.content.story.SearchableStories.Searchable;
import org.imagehub.content.story.SearchableStories.Text;

/** A localization as the index holds it: filters, draft text (editors), live text (consumers), both also folded. */
final class StoryDocuments {
    private StoryDocuments() {
    }

    static String id(String storyId, String lang) {
        return storyId + ":" + lang;
    }

    static ObjectNode document(ObjectMapper json, Searchable story, Language language) {
        ObjectNode doc = json.createObjectNode();
        doc.put("docId", id(story.id(), language.lang()));
        doc.put("storyId", story.id());
        doc.put("lang", language.lang());
        doc.put("type", story.type());
        doc.put("organisation", story.organisation());
        doc.put("priority", story.priority());
        strings(doc, "topics", story.topics());
        strings(doc, "countries", story.countries());
        strings(doc, "keyMessages", story.keyMessages());
        doc.put("status", language.status());
        doc.put("live", language.live() != null);
        doc.put("version", story.version());
        instant(doc, "embargoUntil", story.embargoUntil());
        instant(doc, "expiresAt", story.expiresAt());
        instant(doc, "firstPublishedAt", language.firstPublishedAt());
        instant(doc, "publishedAt", language.publishedAt());
        instant(doc, "updatedAt", language.updatedAt());
        String key = LanguageAnalysis.keyOf(language.lang());
        text(doc, "draft", language.draft(), key);
        doc.put("draftSlug", language.draft().slug());
        if (language.live() != null) {
            text(doc, "live", language.live(), key);
            doc.put("slug", language.live().slug());
        }
        return doc;
    }

    /** @param key the language's own analyzer ({@link LanguageAnalysis#keyOf}), or null: standard fields only */
    private static void text(ObjectNode doc, String prefix, Text text, String key) {
        doc.put(prefix + "Title", text.title());
        doc.put(prefix + "Summary", text.summary());
        doc.put(prefix + "Body", text.bodyText());
        if (key != null) {
            doc.put(prefix + "Title_" + key, text.title());
            doc.put(prefix + "Text_" + key, String.join("\n", nonNull(text.summary()), nonNull(text.bodyText())));
        }
        doc.put(prefix + "Folded", Folding.fold(String.join("\n", nonNull(text.title()), nonNull(text.summary()), nonNull(text.bodyText()))));
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    private static void strings(ObjectNode doc, String field, List<String> values) {
        values.forEach(doc.putArray(field)::add);
    }

    private static void instant(ObjectNode doc, String field, Instant value) {
        if (value != null) {
            doc.put(field, value.toString());
        }
    }
}
