package org.imagehub.content.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.imagehub.testing.Api;
import org.imagehub.testing.Database;
import org.imagehub.testing.Publishing;
import org.imagehub.testing.Stories;
import org.junit.jupiter.api.Test;

/** publish-drafts handles a request's stories together, but records each story's steps exactly as single requests do. */
@QuarkusTest
class BulkPublishTests {
    private static final String PUBLISH_DRAFTS = "/api/v1/manage/workflow/publish-drafts";

    @Test
    void everyStepOfEveryStoryIsRecordedAndARefusedStoryIsLeftAsItWas() {
        String twoLanguages = WorkflowTests.create("editor.hue", "hue-province", Stories.article().inLanguages("vi", "fr"));
        String oneLanguage = WorkflowTests.create("editor.hue", "hue-province", Stories.article().inLanguages("vi"));
        String otherOrganisation = WorkflowTests.create("editor.mofa", "mofa", Stories.article().inLanguages("vi"));

        Map<String, Object> result = Api.asPerson("approver.hue", "hue-province", "approver").header("X-Request-Id", "bulk-publish-" + twoLanguages)
                .body(Map.of("storyIds", List.of(twoLanguages, otherOrganisation, "no-such-story", oneLanguage)))
                .post(PUBLISH_DRAFTS).then().statusCode(200).extract().as(Map.class);

        assertThat(result).containsEntry("published", 3);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> outcomes = (List<Map<String, Object>>) result.get("stories");
        assertThat(outcomes).extracting(outcome -> outcome.get("id")).containsExactly(twoLanguages, otherOrganisation, "no-such-story", oneLanguage);
        assertThat(outcomes).extracting(outcome -> outcome.get("published")).containsExactly(2, 0, 0, 1);
        assertThat(outcomes.get(1).get("error")).isNotNull();
        assertThat(outcomes.get(2).get("error")).isNotNull();
        // Each published localization's workflow columns and its story's version, as single requests leave them.
        assertThat(Database.column("select lang || ':' || status || ':' || published_revision || ':' || (live_slug = slug) || ':' "
                + "|| (first_published_at = published_at) || ':' || (updated_at = published_at) || ':' || version from localization "
                + "where story_id = ? order by lang", twoLanguages))
                .containsExactly("fr:published:1:true:true:true:4", "vi:published:1:true:true:true:4");
        assertThat(Database.value("select version from story where id = ?", twoLanguages)).isEqualTo(7L);
        Api.asPerson("approver.hue", "hue-province", "approver").get("/api/v1/manage/stories/" + twoLanguages).then().statusCode(200)
                .header("ETag", "\"v7\"");

        for (String lang : List.of("fr", "vi")) {
            assertThat(Database.column("select action || ':' || from_status || '>' || to_status || ':' || actor from workflow_transition "
                    + "where story_id = ? and lang = ? order by id", twoLanguages, lang))
                    .containsExactly("submit:draft>in_review:approver.hue", "approve:in_review>approved:approver.hue",
                            "publish:approved>published:approver.hue");
            assertThat(Database.column("select action || ':' || actor || ':' || organisation || ':' || request_id from audit_entry "
                    + "where target_id = ? and details->>'lang' = ? order by id", twoLanguages, lang))
                    .containsExactly("localization.submit:approver.hue:hue-province:bulk-publish-" + twoLanguages,
                            "localization.approve:approver.hue:hue-province:bulk-publish-" + twoLanguages,
                            "localization.publish:approver.hue:hue-province:bulk-publish-" + twoLanguages);
            // In the order they happened, both by id and by their position in the story's stream (what dispatch follows).
            assertThat(Database.column("select event_type from outbox_event where aggregate_id = ? and payload->>'lang' = ? order by position",
                    twoLanguages, lang))
                    .containsExactly("localization.in_review", "localization.approved", "localization.published");
            assertThat(Database.column("select event_type from outbox_event where aggregate_id = ? and payload->>'lang' = ? order by id",
                    twoLanguages, lang))
                    .containsExactly("localization.in_review", "localization.approved", "localization.published");
        }
        assertThat(Database.column("select action from workflow_transition where story_id = ? order by id", oneLanguage))
                .containsExactly("submit", "approve", "publish");

        // The published view: each language once, each knowing the other, with its own change number.
        assertThat(Database.column("select lang || ':' || jsonb_array_length(cast(document as jsonb)->'otherLanguages') from delivery_item "
                + "where story_id = ? order by lang", twoLanguages)).containsExactly("fr:1", "vi:1");
        assertThat(Database.value("select count(distinct change_seq) from delivery_item where story_id = ?", twoLanguages)).isEqualTo(2L);
        // Each stored document carries its change number as its version (written in place of the 0 it was serialised with).
        assertThat(Database.column("select lang || ':' || (cast(cast(document as jsonb) ->> 'version' as bigint) = change_seq) from delivery_item "
                + "where story_id = ? order by lang", twoLanguages)).containsExactly("fr:true", "vi:true");
        assertThat(Database.value("select count(*) from delivery_item where story_id = ?", oneLanguage)).isEqualTo(1L);

        // The refused story: nothing written.
        assertThat(Database.value("select status from localization where story_id = ?", otherOrganisation)).isEqualTo("draft");
        assertThat(Database.value("select count(*) from workflow_transition where story_id = ?", otherOrganisation)).isEqualTo(0L);
        assertThat(Database.value("select count(*) from delivery_item where story_id = ?", otherOrganisation)).isEqualTo(0L);

        // The story's stream stays gapless across its writers: its creation numbered one event at a time, the bulk
        // publication reserving six positions at once, a later single step numbered one at a time again.
        String vi = Publishing.localization(twoLanguages, "vi");
        String etag = Api.asPerson("approver.hue", "hue-province", "approver").get(vi).then().statusCode(200).extract().header("ETag");
        Api.asPerson("approver.hue", "hue-province", "approver").header("If-Match", etag)
                .body(Map.of("action", "withdraw", "comment", "Figures corrected by the ministry")).post(vi + "/workflow").then().statusCode(200);
        List<Object> positions = Database.column("select position from outbox_event where aggregate_type = 'story' and aggregate_id = ? order by position",
                twoLanguages);
        assertThat(positions).hasSize(8).isEqualTo(LongStream.rangeClosed(1, 8).boxed().toList());
        assertThat(Database.column("select event_type from outbox_event where aggregate_type = 'story' and aggregate_id = ? and position in (1, 8) "
                + "order by position", twoLanguages)).containsExactly("story.created", "localization.withdrawn");
        assertThat(Database.value("select last_position from outbox_stream where aggregate_type = 'story' and aggregate_id = ?", twoLanguages))
                .isEqualTo((long) positions.size());
    }

    @Test
    void publishingAgainFindsNoDraftsAndChangesNothing() {
        String id = WorkflowTests.create("editor.hue", "hue-province", Stories.article().inLanguages("vi"));
        Api.asAdmin().body(Map.of("storyIds", List.of(id))).post(PUBLISH_DRAFTS).then().statusCode(200);
        Object seq = Database.value("select change_seq from delivery_item where story_id = ?", id);

        Map<String, Object> again = Api.asAdmin().body(Map.of("storyIds", List.of(id, id))).post(PUBLISH_DRAFTS)
                .then().statusCode(200).extract().as(Map.class);

        assertThat(again).containsEntry("published", 0);
        assertThat(Database.value("select count(*) from workflow_transition where story_id = ?", id)).isEqualTo(3L);
        assertThat(Database.value("select change_seq from delivery_item where story_id = ?", id)).isEqualTo(seq);
    }
}
