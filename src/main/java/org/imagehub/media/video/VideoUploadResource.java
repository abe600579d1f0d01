package org.imagehub.media.video;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.media.asset.MediaAssetView;
import org.imagehub.media.asset.MediaUploads;
import org.imagehub.platform.http.EntityTags;
import org.imagehub.security.CurrentActor;
import org.imagehub.security.Roles;

@Path("/api/v1/manage/media/uploads")
@Tag(name = "Media library")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
public class VideoUploadResource {
    private static final String ID_EXAMPLE = "01jd8x6m3v9q2w7r5t4y1k0zpc";

    private final VideoUploads uploads;
    private final CurrentActor editor;

    public VideoUploadResource(VideoUploads uploads, CurrentActor editor) {
        this.uploads = uploads;
        this.editor = editor;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a direct video upload",
            description = "An S3 multipart upload under a key the hub makes; the answer has one presigned URL per part, to PUT the bytes to "
                    + "storage directly (they never pass through the hub). MP4 and QuickTime only; over hub.media.video-direct-max-bytes is 413.")
    @APIResponse(responseCode = "201", description = "Started: where each part goes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UploadPlan.class)))
    public Response start(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UploadStart.class), examples = @ExampleObject(name = "video",
                    value = "{\"contentType\": \"video/mp4\", \"bytes\": 734003200, \"filename\": \"hoi-an-lanterns.mp4\"}"))) UploadStart input) {
        UploadPlan plan = uploads.start(input, editor.get());
        return Response.created(URI.create("/api/v1/manage/media/uploads/" + plan.id())).entity(plan).build();
    }

    @POST
    @Path("{id}/complete")
    @Operation(summary = "Complete a direct video upload",
            description = "Completes with the parts storage holds, then checks the object: its size, its type sniffed from its first bytes "
                    + "(415 naming it, and the object deleted, unless it is the video type the upload was started with), its SHA-256 (the "
                    + "same bytes uploaded before answer 200 with that asset) and its duration and size read from the container.")
    @APIResponse(responseCode = "201", description = "The new video asset",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MediaAssetView.class)))
    @APIResponse(responseCode = "200", description = "These bytes were uploaded before: the existing asset",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MediaAssetView.class)))
    @APIResponse(responseCode = "413", description = "The stored object is over the limit; it is deleted")
    @APIResponse(responseCode = "415", description = "The bytes are not the video type declared (the sniffed type named); the object is deleted")
    public Response complete(@Parameter(description = "The upload's id", example = ID_EXAMPLE) @PathParam("id") String id) {
        MediaUploads.Uploaded uploaded = uploads.complete(id, editor.get());
        MediaAssetView asset = uploaded.asset();
        Response.ResponseBuilder response = uploaded.created()
                ? Response.created(URI.create("/api/v1/manage/media/" + asset.id())) : Response.ok();
        return response.entity(asset).header(HttpHeaders.ETAG, EntityTags.of(asset.version())).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Abort a direct video upload", description = "Storage drops the parts sent so far.")
    @APIResponse(responseCode = "204", description = "Aborted")
    public Response abort(@Parameter(description = "The upload's id", example = ID_EXAMPLE) @PathParam("id") String id) {
        uploads.abort(id, editor.get());
        return Response.noContent().build();
    }
}
