package org.imagehub.content.workflow;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.platform.errors.DomainException;
import org.imagehub.platform.errors.ProblemCatalog;
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

    private final WorkflowService workflow;
    private final CurrentEditor editor;

    public BulkPublishResource(WorkflowService workflow, CurrentEditor editor) {
        this.workflow = workflow;
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
                    + "organisation and recorded as if taken one by one; each story is its own transaction.")
    public Result publishDrafts(Request request) {
        Bodies.require(request);
        if (request.storyIds() == null || request.storyIds().isEmpty() || request.storyIds().size() > MAX_STORIES) {
            throw ValidationException.of("storyIds", "out-of-range", "1 to " + MAX_STORIES + " story ids");
        }
        List<Outcome> outcomes = new ArrayList<>();
        int total = 0;
        for (String id : request.storyIds()) {
            try {
                int published = workflow.publishDrafts(id, editor.get());
                outcomes.add(new Outcome(id, published, null, null));
                total += published;
            } catch (DomainException refused) {
                // Stories before this one are committed already: say per story what happened instead of failing the call.
                outcomes.add(new Outcome(id, 0, ProblemCatalog.forDomain(refused, null).type().toString(), refused.getMessage()));
            }
        }
        return new Result(total, outcomes);
    }
}
