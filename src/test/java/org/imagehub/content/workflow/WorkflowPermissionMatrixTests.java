package org.imagehub.content.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.imagehub.testing.Api;
import org.imagehub.testing.Database;
import org.imagehub.testing.Stories;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every cell of role × own/other organisation × workflow state × action, against the running hub. The story belongs
 * to hue-province; the expected outcome of each cell is written out below, row by row, from the rules: contributors
 * edit drafts; editors edit and submit; approvers also return, approve, publish, schedule, withdraw and archive;
 * other organisations see only published localizations (403 there, 404 elsewhere); central approvers and admins act
 * everywhere; only a central approver fast-tracks a breaking story from draft or review.
 */
@QuarkusTest
class WorkflowPermissionMatrixTests {
    private static final String OWNER = "hue-province";

    /** The columns: who acts, for which organisation, with which roles. */
    private record Actor(String label, String organisation, String role) {
    }

    private static final List<Actor> ACTORS = List.of(
            new Actor("contributor/own", OWNER, "contributor"),
            new Actor("editor/own", OWNER, "editor"),
            new Actor("approver/own", OWNER, "approver"),
            new Actor("contributor/other", "embassy-fr", "contributor"),
            new Actor("editor/other", "embassy-fr", "editor"),
            new Actor("approver/other", "embassy-fr", "approver"),
            new Actor("approver/central", "mofa", "approver"),
            new Actor("admin/other", "embassy-fr", "admin"));

    // action      state       | contributor/own editor/own approver/own | contributor/other editor/other approver/other | approver/central admin/other
    // A state name means "allowed, and the localization is then in that state"; numbers are the HTTP status refused with.
    private static final String TABLE = """
            edit        draft       | draft     draft     draft     | 404 404 404 | draft     draft
            edit        in_review   | 403       in_review in_review | 404 404 404 | in_review in_review
            edit        approved    | 403       draft     draft     | 404 404 404 | draft     draft
            edit        scheduled   | 403       draft     draft     | 404 404 404 | draft     draft
            edit        published   | 403       draft     draft     | 403 403 403 | draft     draft
            edit        withdrawn   | 403       draft     draft     | 404 404 404 | draft     draft
            edit        archived    | 403       draft     draft     | 404 404 404 | draft     draft
            submit      draft       | 403       in_review in_review | 404 404 404 | in_review in_review
            submit      in_review   | 403       409       409       | 404 404 404 | 409       409
            submit      approved    | 403       409       409       | 404 404 404 | 409       409
            submit      scheduled   | 403       409       409       | 404 404 404 | 409       409
            submit      published   | 403       409       409       | 403 403 403 | 409       409
            submit      withdrawn   | 403       409       409       | 404 404 404 | 409       409
            submit      archived    | 403       409       409       | 404 404 404 | 409       409
            return      draft       | 403       403       409       | 404 404 404 | 409       409
            return      in_review   | 403       403       draft     | 404 404 404 | draft     draft
            return      approved    | 403       403       draft     | 404 404 404 | draft     draft
            return      scheduled   | 403       403       409       | 404 404 404 | 409       409
            return      published   | 403       403       409       | 403 403 403 | 409       409
            return      withdrawn   | 403       403       409       | 404 404 404 | 409       409
            return      archived    | 403       403       409       | 404 404 404 | 409       409
            approve     draft       | 403       403       409       | 404 404 404 | 409       409
            approve     in_review   | 403       403       approved  | 404 404 404 | approved  approved
            approve     approved    | 403       403       409       | 404 404 404 | 409       409
            approve     scheduled   | 403       403       409       | 404 404 404 | 409       409
            approve     published   | 403       403       409       | 403 403 403 | 409       409
            approve     withdrawn   | 403       403       409       | 404 404 404 | 409       409
            approve     archived    | 403       403       409       | 404 404 404 | 409       409
            publish     draft       | 403       403       409       | 404 404 404 | 409       409
            publish     in_review   | 403       403       409       | 404 404 404 | 409       409
            publish     approved    | 403       403       published | 404 404 404 | published published
            publish     scheduled   | 403       403       published | 404 404 404 | published published
            publish     published   | 403       403       409       | 403 403 403 | 409       409
            publish     withdrawn   | 403       403       409       | 404 404 404 | 409       409
            publish     archived    | 403       403       409       | 404 404 404 | 409       409
            schedule    draft       | 403       403       409       | 404 404 404 | 409       409
            schedule    in_review   | 403       403       409       | 404 404 404 | 409       409
            schedule    approved    | 403       403       scheduled | 404 404 404 | scheduled scheduled
            schedule    scheduled   | 403       403       409       | 404 404 404 | 409       409
            schedule    published   | 403       403       409       | 403 403 403 | 409       409
            schedule    withdrawn   | 403       403       409       | 404 404 404 | 409       409
            schedule    archived    | 403       403       409       | 404 404 404 | 409       409
            unschedule  draft       | 403       403       409       | 404 404 404 | 409       409
            unschedule  in_review   | 403       403       409       | 404 404 404 | 409       409
            unschedule  approved    | 403       403       409       | 404 404 404 | 409       409
            unschedule  scheduled   | 403       403       approved  | 404 404 404 | approved  approved
            unschedule  published   | 403       403       409       | 403 403 403 | 409       409
            unschedule  withdrawn   | 403       403       409       | 404 404 404 | 409       409
            unschedule  archived    | 403       403       409       | 404 404 404 | 409       409
            withdraw    draft       | 403       403       409       | 404 404 404 | 409       409
            withdraw    in_review   | 403       403       409       | 404 404 404 | 409       409
            withdraw    approved    | 403       403       409       | 404 404 404 | 409       409
            withdraw    scheduled   | 403       403       409       | 404 404 404 | 409       409
            withdraw    published   | 403       403       withdrawn | 403 403 403 | withdrawn withdrawn
            withdraw    withdrawn   | 403       403       409       | 404 404 404 | 409       409
            withdraw    archived    | 403       403       409       | 404 404 404 | 409       409
            archive     draft       | 403       403       409       | 404 404 404 | 409       409
            archive     in_review   | 403       403       409       | 404 404 404 | 409       409
            archive     approved    | 403       403       409       | 404 404 404 | 409       409
            archive     scheduled   | 403       403       409       | 404 404 404 | 409       409
            archive     published   | 403       403       archived  | 403 403 403 | archived  archived
            archive     withdrawn   | 403       403       archived  | 404 404 404 | archived  archived
            archive     archived    | 403       403       409       | 404 404 404 | 409       409
            """;

    // The same for a breaking story, where only publishing differs: the fast track.
    private static final String BREAKING = """
            publish     draft       | 403       403       403       | 404 404 404 | published 403
            publish     in_review   | 403       403       403       | 404 404 404 | published 403
            publish     approved    | 403       403       published | 404 404 404 | published published
            """;

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        addCells(cells, TABLE, false);
        addCells(cells, BREAKING, true);
        return cells.stream();
    }

    private static void addCells(List<Arguments> cells, String table, boolean breaking) {
        for (String line : table.strip().split("\n")) {
            String[] words = line.replace("|", " ").trim().split("\\s+");
            assertThat(words).as(line).hasSize(2 + ACTORS.size());
            for (int i = 0; i < ACTORS.size(); i++) {
                cells.add(Arguments.of(words[0], words[1], ACTORS.get(i), breaking, words[2 + i]));
            }
        }
    }

    @ParameterizedTest(name = "{0} {1} by {2} (breaking: {3}) -> {4}")
    @MethodSource("cells")
    void cell(String action, String state, Actor actor, boolean breaking, String expected) {
        String id = storyInState(state, breaking);
        String path = "/api/v1/manage/stories/" + id + "/localizations/vi";
        Response response = action.equals("edit")
                ? Api.asPerson("person." + actor.label(), actor.organisation(), actor.role()).header("If-Match", "\"v1\"")
                        .body(Map.of("title", "Chỉnh sửa " + id, "body", "<p>Nội dung mới.</p>")).put(path)
                : Api.asPerson("person." + actor.label(), actor.organisation(), actor.role()).header("If-Match", "\"v1\"")
                        .body(Map.of("action", action, "comment", "matrix test", "at", Instant.now().plus(1, ChronoUnit.DAYS).toString()))
                        .post(path + "/workflow");
        String status = (String) Database.value("select status from localization where story_id = ?", id);
        boolean fastTracked = (Boolean) Database.value("select coalesce(bool_or(fast_tracked), false) from workflow_transition where story_id = ?", id);
        forget(id);
        if (expected.matches("\\d{3}")) {
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(Integer.parseInt(expected));
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(status).as("state unchanged after a refusal").isEqualTo(state);
        } else {
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
            assertThat(status).isEqualTo(expected);
            assertThat(fastTracked).isEqualTo(breaking && !"approved".equals(state) && "publish".equals(action));
        }
    }

    /**
     * Removes the cell's story (its state was forced in the database, bypassing the published view), so that other
     * tests comparing the hub's published set with what consumers get are not misled by it.
     */
    private static void forget(String id) {
        Database.update("delete from delivery_item where story_id = ?", id);
        Database.update("delete from delivery_tombstone where story_id = ?", id);
        Database.update("delete from story where id = ?", id);
    }

    /** A hue-province story whose vi localization is in {@code state}, at version 1, set directly in the database. */
    private static String storyInState(String state, boolean breaking) {
        Stories story = Stories.article().inLanguages("vi").with("priority", breaking ? "breaking" : "normal");
        String id = Api.asPerson("editor.hue", OWNER, "editor").body(story.build()).post("/api/v1/manage/stories")
                .then().statusCode(201).extract().path("id");
        Database.update("""
                update localization set status = ?, published_revision = case when ? = 'published' then current_revision end,
                    live_slug = case when ? = 'published' then slug end,
                    scheduled_at = case when ? = 'scheduled' then now() + interval '1 day' end,
                    first_published_at = case when ? in ('published', 'withdrawn', 'archived') then now() end
                where story_id = ?""", state, state, state, state, state, id);
        return id;
    }
}
