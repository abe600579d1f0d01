package org.imagehub.content.story;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.imagehub.content.revision.RevisionContent;
import org.imagehub.content.revision.RevisionService;
import org.imagehub.platform.NativeSql;
import org.imagehub.platform.SqlValues;

/**
 * Content's read API for the search index: every localization of given stories in its current state (draft text for
 * editors, published text for consumers), read from PostgreSQL in a short transaction of its own. Search never sees
 * content's entities, only these records.
 */
@ApplicationScoped
public class SearchableStories {
    private final RevisionService revisions;

    public SearchableStories(RevisionService revisions) {
        this.revisions = revisions;
    }

    /** What one story looks like to the index. {@code version} is the story's ETag version, bumped by every change. */
    public record Searchable(String id, String type, String organisation, String priority, List<String> topics, List<String> countries,
            List<String> keyMessages, Instant embargoUntil, Instant expiresAt, long version, List<Language> languages) {
    }

    /** One localization: its workflow status, its current (draft) text and, when a revision is live, the published text. */
    public record Language(String lang, String status, Text draft, Text live, Instant firstPublishedAt, Instant publishedAt,
            Instant updatedAt) {
    }

    public record Text(String slug, String title, String summary, String bodyText) {
        static Text of(RevisionContent content) {
            return new Text(content.slug(), content.title(), content.summary(), content.bodyText());
        }
    }

    /** In the order asked; a story that does not exist (any more) is left out. */
    @Transactional
    public List<Searchable> of(List<String> storyIds) {
        return storyIds.stream().map(id -> Story.<Story>findById(id)).filter(Objects::nonNull).map(this::searchable).toList();
    }

    /** A story's id, version and languages: what a consistency check compares with the index, without any text. */
    public record Outline(String id, long version, List<String> langs) {
    }

    /**
     * A page of outlines in id order after {@code afterId} (null: from the start), for a full scan. One keyed walk per
     * page: a check of 100,000 stories reads ids and languages, not the bodies of every draft and live revision.
     */
    @Transactional
    public List<Outline> outlines(String afterId, int size) {
        List<?> rows = NativeSql.bind(Story.getEntityManager().createNativeQuery("""
                        select s.id, s.version, array(select l.lang from localization l where l.story_id = s.id order by l.lang)
                        from story s where s.id > ?1 order by s.id limit ?2"""), afterId == null ? "" : afterId, size).getResultList();
        return rows.stream().map(row -> (Object[]) row)
                .map(columns -> new Outline((String) columns[0], ((Number) columns[1]).longValue(), SqlValues.texts(columns[2]))).toList();
    }

    private Searchable searchable(Story story) {
        List<Language> languages = story.localizations.stream().sorted(Comparator.comparing(l -> l.lang))
                .map(l -> new Language(l.lang, l.status, Text.of(l.content),
                        l.publishedRevision == null ? null : Text.of(publishedContent(l)), l.firstPublishedAt, l.publishedAt, l.updatedAt))
                .toList();
        return new Searchable(story.id, story.type, story.organisation, story.priority, List.copyOf(story.topics), List.copyOf(story.countries),
                List.copyOf(story.keyMessages), story.embargoUntil, story.expiresAt, story.version, languages);
    }

    private RevisionContent publishedContent(Localization localization) {
        return Objects.equals(localization.publishedRevision, localization.currentRevision)
                ? localization.content
                : revisions.get(localization.id, localization.publishedRevision).content;
    }
}
