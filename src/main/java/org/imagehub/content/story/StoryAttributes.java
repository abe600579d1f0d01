package org.imagehub.content.story;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.imagehub.content.revision.FieldChange;

/**
 * The language-independent part of a story that consumers see: compared field by field, so every change of it is
 * recorded as what changed from what to what.
 */
record StoryAttributes(String externalId, String type, String organisation, String priority, List<String> topics, List<String> countries,
        List<String> tags, List<String> keyMessages, String credit, String source, String licence, JsonNode fields, Instant embargoUntil,
        Instant expiresAt) {

    /** The fields whose change alters the story's timing for consumers: an approver's decision with a reason. */
    static final List<String> TIMING = List.of("embargoUntil", "expiresAt");

    static StoryAttributes of(Story story, JsonNode fields) {
        return new StoryAttributes(story.externalId, story.type, story.organisation, story.priority, List.copyOf(story.topics),
                List.copyOf(story.countries), List.copyOf(story.tags), List.copyOf(story.keyMessages), story.credit, story.source,
                story.licence, fields, story.embargoUntil, story.expiresAt);
    }

    /** What {@code valid} would make of a story owned by {@code currentOrganisation} (no organisation given: unchanged). */
    static StoryAttributes of(ValidStory valid, String currentOrganisation, JsonNode fields) {
        return new StoryAttributes(valid.externalId(), valid.type(), valid.organisation() == null ? currentOrganisation : valid.organisation(),
                valid.priority(), valid.topics(), valid.countries(), valid.tags(), valid.keyMessages(), valid.credit(), valid.source(),
                valid.licence(), fields, valid.embargoUntil(), valid.expiresAt());
    }

    List<FieldChange> changesTo(StoryAttributes after) {
        Map<String, Object[]> fields = new LinkedHashMap<>();
        fields.put("externalId", new Object[] {externalId, after.externalId});
        fields.put("type", new Object[] {type, after.type});
        fields.put("organisation", new Object[] {organisation, after.organisation});
        fields.put("priority", new Object[] {priority, after.priority});
        fields.put("topics", new Object[] {topics, after.topics});
        fields.put("countries", new Object[] {countries, after.countries});
        fields.put("tags", new Object[] {tags, after.tags});
        fields.put("keyMessages", new Object[] {keyMessages, after.keyMessages});
        fields.put("rights.credit", new Object[] {credit, after.credit});
        fields.put("rights.source", new Object[] {source, after.source});
        fields.put("rights.licence", new Object[] {licence, after.licence});
        fields.put("fields", new Object[] {this.fields, after.fields});
        fields.put("embargoUntil", new Object[] {embargoUntil, after.embargoUntil});
        fields.put("expiresAt", new Object[] {expiresAt, after.expiresAt});
        List<FieldChange> changes = new ArrayList<>();
        fields.forEach((field, values) -> {
            if (!Objects.equals(values[0], values[1])) {
                changes.add(new FieldChange(field, values[0], values[1]));
            }
        });
        return changes;
    }
}
