package org.imagehub.content.story;

import java.time.Instant;
import java.util.List;
import org.imagehub.content.revision.RevisionContent;

/**
 * What consumers may get of a story, as content hands it to delivery: the story's attributes, each live language
 * at its published revision (not the draft under review), and why each other language is not live.
 * {@code firstPublishedAt} is the earliest first publication of any language, null if none was ever published.
 */
public record LiveStory(String id, String type, String priority, String organisation, List<String> topics, List<String> countries,
        List<String> tags, List<String> keyMessages, String fieldsJson, String credit, String source, String licence, Instant embargoUntil,
        Instant expiresAt, Instant firstPublishedAt, List<Language> live, List<NotLive> notLive) {

    /** A live language, sorted by tag in {@link LiveStory#live()}. */
    public record Language(String lang, boolean rtl, RevisionContent content, Instant firstPublishedAt, Instant publishedAt) {
    }

    /** A language with no live revision: its workflow status and the reason given to the public, if any. */
    public record NotLive(String lang, String status, String publicReason) {
    }
}
