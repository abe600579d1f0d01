package org.imagehub.content.story;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

public record StoryView(
        String id,
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
        long version,
        Instant createdAt,
        Instant updatedAt,
        List<LocalizationView> localizations) {

    public StoryView withLocalizations(List<LocalizationView> shown) {
        return new StoryView(id, externalId, type, organisation, priority, topics, countries, tags, keyMessages, rights, fields, embargoUntil,
                expiresAt, version, createdAt, updatedAt, shown);
    }
}
