package org.imagehub.content.media;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The assets a story uses, in order; a PUT replaces the list. {@code next} is always absent (never paged). */
@Schema(requiredProperties = "items")
public record StoryMediaList(@Schema(maxItems = 100) List<StoryMediaItem> items, String next) {
}
