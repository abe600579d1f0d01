package org.imagehub.delivery.read;

import java.time.Instant;

/**
 * One published story language as stored, with what lists order it by.
 *
 * @param document the JSON consumers get, as stored (UTF-8): the whole DeliveredStory, or the StorySummary where a
 *                 list was read
 */
public record DeliveryRow(String storyId, String lang, byte[] document, Instant storyPublishedAt) {
}
