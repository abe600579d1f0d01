package org.imagehub.analytics.criteria;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One KPI of a criteria set: a measure, narrowed by filters, with the target it is scored against and its weight in
 * the organisation's overall score. Only the parameters its measure uses are kept.
 */
@Schema(name = "Kpi", requiredProperties = {"id", "name", "measure", "target", "weight"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Kpi(
        @Schema(description = "Unique within the set", example = "fr-reach") String id,
        @Schema(example = "Readers in France") String name,
        @Schema(enumeration = {"reach", "coverage", "speed", "breaking-speed", "consistency", "engagement"}) String measure,
        @Schema(description = "In the measure's unit: events, a share (0–1) or hours", example = "50000") Double target,
        @Schema(description = "Its part in the overall score (weights need not add up to anything)", example = "2") Double weight,
        @Schema(description = "Only this language", example = "fr") String lang,
        @Schema(description = "Only this target country (usage: the consumer's; content: the story's)", example = "FR") String country,
        @Schema(description = "Only stories with this topic", example = "economy") String topic,
        @Schema(description = "Only stories carrying this key message", example = "flood-response") String keyMessage,
        @Schema(description = "reach only: one channel", example = "page-view") String channel,
        @Schema(description = "coverage: the target languages (default: any)", example = "[\"en\", \"fr\", \"zh\"]") List<String> languages,
        @Schema(description = "coverage and breaking-speed: how many languages", example = "3") Integer minLanguages,
        @Schema(description = "consistency: the window after a change", example = "24") Integer withinHours) {
}
