package org.imagehub.delivery.read;

import java.time.Instant;

/** One published story language as stored: the document consumers get and what lists order it by. */
public record DeliveryRow(String storyId, String lang, String document, Instant storyPublishedAt) {
}
