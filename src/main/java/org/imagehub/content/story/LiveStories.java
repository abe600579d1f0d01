package org.imagehub.content.story;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.imagehub.content.revision.RevisionContent;
import org.imagehub.content.revision.RevisionService;

/**
 * Content's read API for the published view: what is live of given stories, read in the caller's transaction (so
 * an observer of a change sees it). The stories are normally in the persistence context already, having just been
 * changed: reading them costs no query.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LiveStories {
    private final RevisionService revisions;

    public LiveStories(RevisionService revisions) {
        this.revisions = revisions;
    }

    /** In the order asked; a story that does not exist (any more) is left out. */
    public List<LiveStory> of(List<String> storyIds) {
        return storyIds.stream().map(id -> Story.<Story>findById(id)).filter(Objects::nonNull).map(this::live).toList();
    }

    private LiveStory live(Story story) {
        List<LiveStory.Language> live = story.localizations.stream().filter(l -> l.publishedRevision != null)
                .sorted(Comparator.comparing(l -> l.lang))
                .map(l -> new LiveStory.Language(l.lang, l.rtl, publishedContent(l), l.firstPublishedAt, l.publishedAt)).toList();
        List<LiveStory.NotLive> notLive = story.localizations.stream().filter(l -> l.publishedRevision == null)
                .map(l -> new LiveStory.NotLive(l.lang, l.status, l.publicReason)).toList();
        Instant firstPublishedAt = story.localizations.stream().map(l -> l.firstPublishedAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        return new LiveStory(story.id, story.type, story.priority, story.organisation, List.copyOf(story.topics), List.copyOf(story.countries),
                List.copyOf(story.tags), List.copyOf(story.keyMessages), story.fieldsJson, story.credit, story.source, story.licence,
                story.embargoUntil, story.expiresAt, firstPublishedAt, live, notLive);
    }

    /** The published revision; the localization's own columns when that is its current one (no query). */
    private RevisionContent publishedContent(Localization localization) {
        return Objects.equals(localization.publishedRevision, localization.currentRevision)
                ? localization.content
                : revisions.get(localization.id, localization.publishedRevision).content;
    }
}
