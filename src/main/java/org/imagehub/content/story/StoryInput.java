package org.imagehub.content.story;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A story as editors send it. On create it may carry its first localizations; on update (PUT) it carries the
 * story's own attributes only, and localizations are saved one language at a time. {@code reason} says why the
 * attributes change (kept with the attribute revision; required to move the embargo or expiry of a live story).
 */
public record StoryInput(
        String externalId,
        String type,
        String organisation,
        String priority,
        List<String> topics,
        List<String> countries,
        List<String> tags,
        List<String> keyMessages,
        RightsInput rights,
        JsonNode fields,
        Instant embargoUntil,
        Instant expiresAt,
        List<LocalizationInput> localizations,
        String reason) {
}
