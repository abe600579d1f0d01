package org.imagehub.delivery.publication;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.imagehub.content.media.StoryMediaItem;
import org.imagehub.content.media.StoryMediaService;
import org.imagehub.content.story.LiveStories;
import org.imagehub.delivery.DeliveredMedia;
import org.imagehub.media.asset.LocalizedText;
import org.imagehub.media.asset.MediaAssetView;
import org.imagehub.media.asset.MediaFileView;
import org.imagehub.media.asset.MediaLibrary;

/**
 * The media of a story as one language's document shows it: the items for every language and those for this one
 * (an infographic's image per language), with caption and alt text in it. Content says which assets, media what
 * they are; a consumer reading {@code km,fr} gets the French document, so the French image.
 */
@ApplicationScoped
public class StoryImages {
    private final StoryMediaService storyMedia;
    private final MediaLibrary library;
    private final LiveStories stories;

    public StoryImages(StoryMediaService storyMedia, MediaLibrary library, LiveStories stories) {
        this.storyMedia = storyMedia;
        this.library = library;
        this.stories = stories;
    }

    /** What a story's document in each language shows, for these stories: two queries however many stories. */
    public Lookup forStories(List<String> storyIds) {
        Map<String, List<StoryMediaItem>> items = storyMedia.of(storyIds);
        Map<String, MediaAssetView> assets = library.byIds(items.values().stream().flatMap(List::stream).map(StoryMediaItem::assetId).distinct().toList());
        List<String> posterIds = assets.values().stream().map(MediaAssetView::posterId).filter(java.util.Objects::nonNull).distinct().toList();
        Map<String, MediaAssetView> posters = posterIds.isEmpty() ? Map.of() : library.byIds(posterIds);
        return (storyId, lang) -> items.getOrDefault(storyId, List.of()).stream()
                .filter(item -> (item.lang() == null || item.lang().equals(lang)) && assets.containsKey(item.assetId()))
                .map(item -> delivered(item, assets.get(item.assetId()), posters, lang)).toList();
    }

    /** The media of one story's document in one language. */
    @FunctionalInterface
    public interface Lookup {
        List<DeliveredMedia> of(String storyId, String lang);
    }

    private static DeliveredMedia delivered(StoryMediaItem item, MediaAssetView asset, Map<String, MediaAssetView> posters, String lang) {
        LocalizedText text = asset.texts().get(lang);
        MediaAssetView poster = asset.posterId() == null ? null : posters.get(asset.posterId());
        return new DeliveredMedia(asset.id(), item.role(), asset.kind(), asset.mediaType(), asset.width(), asset.height(), asset.durationMs(),
                text == null ? null : text.caption(), text == null ? null : text.altText(), asset.credit(), asset.licence(),
                asset.copyright(), asset.createdAt(), file(asset.original()), asset.files().stream().map(StoryImages::file).toList(),
                poster == null ? null : new DeliveredMedia.Poster(poster.id(), file(poster.original()),
                        poster.files().stream().map(StoryImages::file).toList()));
    }

    /**
     * The stories showing an asset (content's answer); the caller projects those with a live language. A poster is
     * shown through its video, so the stories using those videos count too (new poster crops reach their documents).
     */
    public List<String> liveStoriesUsing(String assetId) {
        List<String> shownAs = new java.util.ArrayList<>(library.videosWithPoster(assetId));
        shownAs.add(assetId);
        return storyMedia.storiesReferencing(shownAs).values().stream().flatMap(List::stream).distinct().toList();
    }

    private static DeliveredMedia.File file(MediaFileView file) {
        return new DeliveredMedia.File(file.name(), file.mediaType(), file.width(), file.height(), file.bytes(), file.url());
    }
}
