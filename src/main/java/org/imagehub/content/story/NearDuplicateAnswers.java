package org.imagehub.content.story;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;

/**
 * The near-duplicate warning in the answers to a localization save and to a story create. Made after the commit,
 * so a save never waits on nor fails with the search index; an unavailable check says so and the save stands.
 */
@ApplicationScoped
public class NearDuplicateAnswers {
    private final NearDuplicates nearDuplicates;
    private final ObjectMapper json;

    public NearDuplicateAnswers(NearDuplicates nearDuplicates, ObjectMapper json) {
        this.nearDuplicates = nearDuplicates;
        this.json = json;
    }

    public LocalizationView withCheck(String storyId, LocalizationView view) {
        return view.withNearDuplicates(check(storyId, view.lang(), view.title(), view.summary(), view.bodyText()));
    }

    /**
     * The created story's answer (the stored JSON, also what a retry replays) with a check for each localization.
     * A replay checks again: the index has moved on since, and the answer keeps the first one's shape.
     */
    String withChecks(String createdStory) {
        try {
            JsonNode story = json.readTree(createdStory);
            String storyId = story.path("id").asText();
            for (JsonNode localization : story.path("localizations")) {
                NearDuplicates.Check check = check(storyId, localization.path("lang").asText(), localization.path("title").asText(""),
                        localization.path("summary").asText(""), localization.path("bodyText").asText(""));
                ((ObjectNode) localization).set("nearDuplicates", json.valueToTree(check));
            }
            return json.writeValueAsString(story);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The created story's answer is not valid JSON", e);
        }
    }

    private NearDuplicates.Check check(String storyId, String lang, String title, String summary, String bodyText) {
        String text = String.join("\n", Objects.requireNonNullElse(summary, ""), Objects.requireNonNullElse(bodyText, ""));
        return nearDuplicates.check(storyId, lang, title, text);
    }
}
