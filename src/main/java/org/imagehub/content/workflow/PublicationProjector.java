package org.imagehub.content.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.imagehub.content.revision.RevisionContent;
import org.imagehub.content.revision.RevisionService;
import org.imagehub.content.story.Localization;
import org.imagehub.content.story.Story;
import org.imagehub.delivery.DeliveredStory;
import org.imagehub.delivery.publication.PublishedStories;
import org.imagehub.delivery.publication.Removal;
import org.imagehub.platform.Json;

/**
 * Hands the delivery feature what consumers may now get of a story: each live language at its published revision
 * (not the draft being reviewed), with the story's attributes. Called in the transaction of every change that can
 * alter that: publication, withdrawal, archiving, expiry, embargo lift, attribute edits.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PublicationProjector {
    private final RevisionService revisions;
    private final PublishedStories published;
    private final Json json;
    private final Clock clock;

    public PublicationProjector(RevisionService revisions, PublishedStories published, Json json, Clock clock) {
        this.revisions = revisions;
        this.published = published;
        this.json = json;
        this.clock = clock;
    }

    /** @param touchAll tell consumers again even if nothing changed (the embargo was lifted) */
    public void project(Story story, boolean touchAll) {
        published.replaceAll(List.of(projection(story, touchAll)));
    }

    /** {@link #project} for many stories in one go (one clock lock, multi-row writes); the caller has locked them. */
    public void projectAll(List<Story> stories) {
        published.replaceAll(stories.stream().map(story -> projection(story, false)).toList());
    }

    private PublishedStories.Projection projection(Story story, boolean touchAll) {
        List<Localization> live = story.localizations.stream().filter(l -> l.publishedRevision != null)
                .sorted(Comparator.comparing(l -> l.lang)).toList();
        Map<String, RevisionContent> contents = new HashMap<>();
        for (Localization localization : live) {
            contents.put(localization.lang, Objects.equals(localization.publishedRevision, localization.currentRevision)
                    ? new RevisionContent(localization.slug, localization.title, localization.summary, localization.bodyHtml, localization.bodyText,
                            localization.fieldsJson, null, null, null, null)
                    : RevisionContent.of(revisions.get(localization.id, localization.publishedRevision)));
        }
        List<DeliveredStory> stories = new ArrayList<>();
        for (Localization localization : live) {
            List<DeliveredStory.Alternate> others = live.stream().filter(other -> other != localization)
                    .map(other -> new DeliveredStory.Alternate(other.lang, contents.get(other.lang).slug(), url(story.id, other.lang))).toList();
            stories.add(delivered(story, localization, contents.get(localization.lang), others));
        }
        Instant storyPublishedAt = story.localizations.stream().map(l -> l.firstPublishedAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(Instant.now(clock));
        return new PublishedStories.Projection(story.id, storyPublishedAt, stories, removals(story), touchAll);
    }

    public static String url(String storyId, String lang) {
        return "/api/v1/stories/" + storyId + "?lang=" + lang;
    }

    private DeliveredStory delivered(Story story, Localization localization, RevisionContent content, List<DeliveredStory.Alternate> others) {
        return new DeliveredStory(story.id, localization.lang, story.type, story.priority, story.organisation, content.slug(), localization.rtl,
                content.title(), content.summary(), content.bodyHtml(), content.bodyText(), List.copyOf(story.topics),
                List.copyOf(story.countries), List.copyOf(story.tags), List.copyOf(story.keyMessages), map(story.fieldsJson),
                map(content.fieldsJson()), new DeliveredStory.Rights(story.credit, story.source, story.licence), localization.firstPublishedAt,
                localization.publishedAt, story.embargoUntil, story.expiresAt, 0, url(story.id, localization.lang), others);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(String fieldsJson) {
        return fieldsJson == null ? Map.of() : json.read(fieldsJson, Map.class);
    }

    /** Why each language that is not live is not: consumers who had it are told. */
    private Map<String, Removal> removals(Story story) {
        Instant now = Instant.now(clock);
        boolean expired = story.expiresAt != null && !story.expiresAt.isAfter(now);
        Map<String, Removal> removals = new HashMap<>();
        for (Localization localization : story.localizations) {
            if (localization.publishedRevision == null) {
                removals.put(localization.lang, new Removal(expired ? "expired" : localization.status, localization.publicReason));
            }
        }
        return removals;
    }
}
