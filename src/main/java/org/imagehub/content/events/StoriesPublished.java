package org.imagehub.content.events;

import java.util.List;
import org.imagehub.platform.events.ChangeMeta;

/**
 * Many stories published together (bulk publication). Each step was recorded as its own
 * {@link LocalizationTransitioned} (audit entry and outbox row); observers get this one event for the whole batch
 * instead, so the published view is written once per story and in one go. Not stored itself.
 */
public record StoriesPublished(ChangeMeta meta, List<String> storyIds, List<LocalizationTransitioned> steps) {
}
