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

    public List<DeliveredMedia> of(String storyId, String lang) {
        List<StoryMediaItem> items = storyMedia.of(storyId).stream().filter(item -> item.lang() == null || item.lang().equals(lang)).toList();
        if (items.isEmpty()) {
            return List.of();
        }
        Map<String, MediaAssetView> assets = library.byIds(items.stream().map(StoryMediaItem::assetId).toList());
        return items.stream().filter(item -> assets.containsKey(item.assetId())).map(item -> {
            MediaAssetView asset = assets.get(item.assetId());
            LocalizedText text = asset.texts().get(lang);
            return new DeliveredMedia(asset.id(), item.role(), asset.mediaType(), asset.width(), asset.height(),
                    text == null ? null : text.caption(), text == null ? null : text.altText(), asset.credit(), asset.licence(),
                    asset.copyright(), file(asset.original()), asset.files().stream().map(StoryImages::file).toList());
        }).toList();
    }

    /** The stories using an asset (content's answer); the caller projects those with a live language. */
    public List<String> liveStoriesUsing(String assetId) {
        return storyMedia.storiesReferencing(List.of(assetId)).getOrDefault(assetId, List.of());
    }

    private static DeliveredMedia.File file(MediaFileView file) {
        return new DeliveredMedia.File(file.name(), file.mediaType(), file.width(), file.height(), file.bytes(), file.url());
    }
}
