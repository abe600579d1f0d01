package org.imagehub.content.workflow;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.content.story.LocalizationView;
import org.imagehub.platform.http.ApiSchemas;
import org.imagehub.platform.http.Bodies;
import org.imagehub.platform.http.EntityTags;
import org.imagehub.security.CurrentActor;
import org.imagehub.security.Roles;

@Path("/api/v1/manage/stories/{id}/localizations/{lang}/workflow")
@Tag(name = "Workflow", description = "draft → in_review → approved → published → archived, plus scheduled and withdrawn.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CONTRIBUTOR, Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
public class WorkflowResource {
    private final WorkflowService workflow;
    private final CurrentActor editor;

    public WorkflowResource(WorkflowService workflow, CurrentActor editor) {
        this.workflow = workflow;
        this.editor = editor;
    }

    public record History(List<TransitionView> transitions) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take a workflow action on a localization",
            description = "Needs If-Match with the localization's ETag. Publishing a draft or in-review localization is allowed only "
                    + "for breaking stories, by an approver of a central organisation (fast track).")
    @APIResponse(responseCode = "200", description = "The localization in its new state, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LocalizationView.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response transition(@Parameter(description = "The story's id", example = "st_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") @PathParam("id") String id, @Parameter(description = "BCP 47 tag", example = "fr", schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.LANGUAGE_TAG)) @PathParam("lang") String lang,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TransitionRequest.class),
                    examples = @ExampleObject(name = "example", value = "{\"action\": \"submit\", \"comment\": \"Ready for review\"}"))) TransitionRequest request,
            @Parameter(description = "The current ETag (428 without, 412 when stale)", required = true, example = "\"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        LocalizationView view = workflow.transition(id, lang, Bodies.require(request), ifMatch, editor.get());
        return Response.ok(view).header(HttpHeaders.ETAG, EntityTags.of(view.version())).build();
    }

    @GET
    @Operation(summary = "The localization's workflow history, oldest first", description = "Who took which action when, with the comment.")
    public History history(@Parameter(description = "The story's id", example = "st_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") @PathParam("id") String id, @Parameter(description = "BCP 47 tag", example = "fr", schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.LANGUAGE_TAG)) @PathParam("lang") String lang) {
        return new History(workflow.history(id, lang, editor.get()));
    }
}
