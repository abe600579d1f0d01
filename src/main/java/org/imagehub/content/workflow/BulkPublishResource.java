package org.imagehub.content.workflow;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.platform.http.Bodies;
import org.imagehub.security.CurrentActor;
import org.imagehub.security.Roles;

@Path("/api/v1/manage/workflow/publish-drafts")
@Tag(name = "Workflow")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.APPROVER, Roles.ADMIN})
public class BulkPublishResource {
    private static final int MAX_STORIES = 100;

    private final BulkPublisher publisher;
    private final CurrentActor editor;

    public BulkPublishResource(BulkPublisher publisher, CurrentActor editor) {
        this.publisher = publisher;
        this.editor = editor;
    }

    @Schema(name = "PublishDraftsRequest", requiredProperties = "storyIds")
    public record Request(@Schema(minItems = 1, maxItems = MAX_STORIES, example = "[\"st_01JD8X6M3V9Q2W7R5T4Y1K0ZPA\"]") List<String> storyIds) {
    }

    /** One story's outcome: how many localizations went live, or why none could (problem type and detail). */
    @Schema(name = "PublishDraftsOutcome", requiredProperties = {"id", "published"})
    public record Outcome(String id, int published, @Schema(description = "The problem type when none could be published") String error,
            String detail) {
    }

    @Schema(name = "PublishDraftsResult", requiredProperties = {"published", "stories"})
    public record Result(@Schema(description = "Localizations that went live") int published, List<Outcome> stories) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Review, approve and publish every draft localization of up to 100 stories",
            description = "For content approved outside the hub (an import from a trusted system). Each step is checked against your role and "
                    + "organisation and recorded as if taken one by one; a story whose steps are refused is left as it was and reported.")
    public Result publishDrafts(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Request.class),
                    examples = @ExampleObject(name = "example", value = "{\"storyIds\": [\"st_01JD8X6M3V9Q2W7R5T4Y1K0ZPA\"]}"))) Request request) {
        Bodies.require(request);
        if (request.storyIds() == null || request.storyIds().isEmpty() || request.storyIds().size() > MAX_STORIES) {
            throw ValidationException.of("storyIds", "out-of-range", "1 to " + MAX_STORIES + " story ids");
        }
        List<Outcome> outcomes = publisher.publishDrafts(request.storyIds(), editor.get());
        return new Result(outcomes.stream().mapToInt(Outcome::published).sum(), outcomes);
    }
}
