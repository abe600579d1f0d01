package org.imagehub.delivery.publication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imagehub.content.events.EmbargoLifted;
import org.imagehub.content.events.LocalizationTransitioned;
import org.imagehub.content.events.StoriesPublished;
import org.imagehub.content.events.StoryUpdated;
import org.imagehub.content.story.LiveStories;
import org.imagehub.content.story.LiveStory;
import org.imagehub.delivery.DeliveredMedia;
import org.imagehub.delivery.DeliveredStory;
import org.imagehub.platform.Json;

/**
 * Keeps the published view current by listening to content's changes. The observers are synchronous, so they run
 * in the writer's transaction: the view commits or rolls back with the change. Whatever can alter what consumers
 * get is handled: publication, withdrawal, archiving, expiry, embargo lift, attribute edits of a live story.
 */
@ApplicationScoped
public class PublicationObserver {
    private final LiveStories content;
    private final PublishedStories published;
    private final Json json;
    private final Clock clock;
    private final StoryImages media;

    public PublicationObserver(LiveStories content, PublishedStories published, Json json, Clock clock, StoryImages media) {
        this.media = media;
        this.content = content;
        this.published = published;
        this.json = json;
        this.clock = clock;
    }

    void transitioned(@Observes LocalizationTransitioned event) {
        if (event.liveChanged()) {
            project(List.of(event.storyId()), false);
        }
    }

    void updated(@Observes StoryUpdated event) {
        if (event.live()) {
            project(List.of(event.storyId()), false);
        }
    }

    /** A caption, alt text, credit or the renditions of an asset changed: the live stories using it show the new ones. */
    void assetChanged(@Observes org.imagehub.media.events.MediaEvent event) {
        if (event instanceof org.imagehub.media.events.AssetUpdated || event instanceof org.imagehub.media.events.RenditionsReady) {
            List<String> stories = media.liveStoriesUsing(event.assetId());
            if (!stories.isEmpty()) {
                StoryImages.Lookup images = media.forStories(stories);
                published.replaceAll(content.of(stories).stream().filter(story -> !story.live().isEmpty())
                        .map(story -> projection(story, false, images)).toList());
            }
        }
    }

    /** Consumers are told again even though nothing in the story changed. */
    void embargoLifted(@Observes EmbargoLifted event) {
        project(List.of(event.storyId()), true);
    }

    /** A bulk publication: every story once, in one go (one clock lock, multi-row writes). */
    void published(@Observes StoriesPublished batch) {
        if (!batch.storyIds().isEmpty()) {
            project(batch.storyIds(), false);
        }
    }

    private void project(List<String> storyIds, boolean touchAll) {
        StoryImages.Lookup images = media.forStories(storyIds);
        published.replaceAll(content.of(storyIds).stream().map(story -> projection(story, touchAll, images)).toList());
    }

    private PublishedStories.Projection projection(LiveStory story, boolean touchAll, StoryImages.Lookup images) {
        List<DeliveredStory> stories = new ArrayList<>();
        for (LiveStory.Language language : story.live()) {
            List<DeliveredStory.Alternate> others = story.live().stream().filter(other -> other != language)
                    .map(other -> new DeliveredStory.Alternate(other.lang(), other.content().slug(), url(story.id(), other.lang()))).toList();
            stories.add(delivered(story, language, others, images.of(story.id(), language.lang())));
        }
        Instant storyPublishedAt = story.firstPublishedAt() == null ? Instant.now(clock) : story.firstPublishedAt();
        return new PublishedStories.Projection(story.id(), storyPublishedAt, stories, removals(story), touchAll);
    }

    static String url(String storyId, String lang) {
        return "/api/v1/stories/" + storyId + "?lang=" + lang;
    }

    private DeliveredStory delivered(LiveStory story, LiveStory.Language language, List<DeliveredStory.Alternate> others, List<DeliveredMedia> media) {
        var content = language.content();
        return new DeliveredStory(story.id(), language.lang(), story.type(), story.priority(), story.organisation(), content.slug(),
                language.rtl(), content.title(), content.summary(), content.bodyHtml(), content.bodyText(), story.topics(), story.countries(),
                story.tags(), story.keyMessages(), map(story.fieldsJson()), map(content.fieldsJson()),
                new DeliveredStory.Rights(story.credit(), story.source(), story.licence()), language.firstPublishedAt(), language.publishedAt(),
                story.embargoUntil(), story.expiresAt(), 0, url(story.id(), language.lang()), others, media);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(String fieldsJson) {
        return fieldsJson == null ? Map.of() : json.read(fieldsJson, Map.class);
    }

    /** Why each language that is not live is not: consumers who had it are told. */
    private Map<String, Removal> removals(LiveStory story) {
        boolean expired = story.expiresAt() != null && !story.expiresAt().isAfter(Instant.now(clock));
        Map<String, Removal> removals = new HashMap<>();
        for (LiveStory.NotLive language : story.notLive()) {
            removals.put(language.lang(), new Removal(expired ? "expired" : language.status(), language.publicReason()));
        }
        return removals;
    }
}
