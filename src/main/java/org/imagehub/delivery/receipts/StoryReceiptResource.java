package org.imagehub.delivery.receipts;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.content.story.StoryService;
import org.imagehub.security.CurrentActor;
import org.imagehub.security.Roles;

@Path("/api/v1/manage/stories/{id}/receipts")
@Tag(name = "Delivery receipts", description = "Who has the current version of each story, and who has not yet.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
public class StoryReceiptResource {
    private final DeliveryReceipts receipts;
    private final StoryService stories;
    private final CurrentActor actor;

    public StoryReceiptResource(DeliveryReceipts receipts, StoryService stories, CurrentActor actor) {
        this.receipts = receipts;
        this.stories = stories;
        this.actor = actor;
    }

    @GET
    @Operation(summary = "Delivery receipts of a story", description = "Per language and version, per consumer whose scope covers it: reached "
            + "(its receiver acknowledged a webhook for this version, or it read the story through the API or sync since this version was "
            + "published), failed (the webhook was parked) or pending. For a language taken down, who has acknowledged the removal.")
    public StoryReceipts story(@Parameter(description = "The story's id", example = "st_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") @PathParam("id") String id) {
        stories.get(id, actor.get()); // 404 for a story this person may not see
        return receipts.forStory(id);
    }
}
