package org.imagehub.content.story;

import java.util.List;

/** One page of stories; {@code next} is the cursor of the following page, absent on the last. */
public record StoryPage(List<StoryView> items, String next) {
}
