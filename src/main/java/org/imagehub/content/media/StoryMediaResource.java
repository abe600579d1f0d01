package org.imagehub.content.media;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.content.story.StoryService;
import org.imagehub.platform.http.Bodies;
import org.imagehub.platform.http.EntityTags;
import org.imagehub.security.CurrentActor;
import org.imagehub.security.Roles;

@Path("/api/v1/manage/stories/{id}/media")
@Tag(name = "Stories (management)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CONTRIBUTOR, Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
public class StoryMediaResource {
    private static final String ID_EXAMPLE = "st_01JD8X6M3V9Q2W7R5T4Y1K0ZPA";

    private final StoryMediaService media;
    private final StoryService stories;
    private final CurrentActor editor;

    public StoryMediaResource(StoryMediaService media, StoryService stories, CurrentActor editor) {
        this.media = media;
        this.stories = stories;
        this.editor = editor;
    }

    @GET
    @Operation(summary = "The media a story uses", description = "Asset ids with their role, in order; an asset with `lang` serves only "
            + "that language. The ETag is the story's.")
    @APIResponse(responseCode = "200", description = "The list", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StoryMediaList.class)))
    public Response get(@Parameter(description = "The story's id", example = ID_EXAMPLE) @PathParam("id") String id) {
        long version = stories.get(id, editor.get()).version();
        return Response.ok(new StoryMediaList(media.of(id), null)).header(HttpHeaders.ETAG, EntityTags.of(version)).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the media a story uses",
            description = "Roles lead, gallery, video, infographic, inline, document (a PDF); `lang` gives an infographic a different image per language. "
                    + "Needs If-Match with the story's ETag (428 without, 412 when stale); answers the story's new ETag.")
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StoryMediaList.class)))
    public Response replace(@Parameter(description = "The story's id", example = ID_EXAMPLE) @PathParam("id") String id,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StoryMediaList.class),
                    examples = @ExampleObject(name = "example", value = "{\"items\": [{\"assetId\": \"01jd8x6m3v9q2w7r5t4y1k0zpa\", \"role\": \"lead\"}, "
                            + "{\"assetId\": \"01jd8x6m3v9q2w7r5t4y1k0zpb\", \"role\": \"infographic\", \"lang\": \"fr\"}]}")))
            StoryMediaList input,
            @Parameter(description = "The story's current ETag", example = "\"v3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        long version = media.replace(id, Bodies.require(input).items(), ifMatch, editor.get());
        return Response.ok(new StoryMediaList(media.of(id), null)).header(HttpHeaders.ETAG, EntityTags.of(version)).build();
    }
}
