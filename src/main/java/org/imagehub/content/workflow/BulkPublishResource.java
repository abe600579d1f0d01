package org.imagehub.content.workflow;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.platform.http.Bodies;
import org.imagehub.security.CurrentEditor;
import org.imagehub.security.Roles;

@Path("/api/v1/manage/workflow/publish-drafts")
@Tag(name = "Workflow")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.APPROVER, Roles.ADMIN})
public class BulkPublishResource {
    private static final int MAX_STORIES = 100;

    private final BulkPublisher publisher;
    private final CurrentEditor editor;

    public BulkPublishResource(BulkPublisher publisher, CurrentEditor editor) {
        this.publisher = publisher;
        this.editor = editor;
    }

    public record Request(List<String> storyIds) {
    }

    /** One story's outcome: how many localizations went live, or why none could (problem type and detail). */
    public record Outcome(String id, int published, String error, String detail) {
    }

    public record Result(int published, List<Outcome> stories) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Review, approve and publish every draft localization of up to 100 stories",
            description = "For content approved outside the hub (an import from a trusted system). Each step is checked against your role and "
                    + "organisation and recorded as if taken one by one; a story whose steps are refused is left as it was and reported.")
    public Result publishDrafts(Request request) {
        Bodies.require(request);
        if (request.storyIds() == null || request.storyIds().isEmpty() || request.storyIds().size() > MAX_STORIES) {
            throw ValidationException.of("storyIds", "out-of-range", "1 to " + MAX_STORIES + " story ids");
        }
        List<Outcome> outcomes = publisher.publishDrafts(request.storyIds(), editor.get());
        return new Result(outcomes.stream().mapToInt(Outcome::published).sum(), outcomes);
    }
}
