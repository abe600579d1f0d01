package org.imagehub.social;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import org.imagehub.platform.HubConfig;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.platform.http.ApiSchemas;
import org.imagehub.platform.http.Bodies;
import org.imagehub.platform.http.Created;
import org.imagehub.platform.http.EntityTags;
import org.imagehub.platform.http.QueryParams;
import org.imagehub.platform.paging.PageLimit;
import org.imagehub.security.CurrentActor;
import org.imagehub.security.Roles;
import org.imagehub.social.post.PostInput;
import org.imagehub.social.post.PostView;
import org.imagehub.social.post.SocialPosts;

@Path("/api/v1/manage/social/posts")
@Tag(name = "Social", description = "Social accounts, network rules, post variants, their approval and calendar.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
public class SocialPostResource {
    private static final String POST_EXAMPLE = "{\"storyId\": \"st_01jd8x6m3v9q2w7r5t4y1k0zpa\", \"lang\": \"fr\", \"accountId\": \"01jd8x6m3v9q2w7r5t4y1k0zpb\", "
            + "\"text\": \"Le Vietnam et la France renforcent leur coopération.\", \"hashtags\": [\"Vietnam\", \"France\"], \"linkMode\": \"short\", "
            + "\"scheduledAt\": \"2026-10-25T09:00\"}";
    private static final List<String> STATES = List.of("draft", "approved", "queued", "claimed", "posted", "failed", "cancelled",
            "takedown-requested", "taken-down");

    private final SocialPosts posts;
    private final CurrentActor editor;
    private final HubConfig config;

    public SocialPostResource(SocialPosts posts, CurrentActor editor, HubConfig config) {
        this.posts = posts;
        this.editor = editor;
        this.config = config;
    }

    /** Posts, newest scheduled first: one page. */
    @Schema(name = "SocialPostList", requiredProperties = {"items"})
    public record PostList(List<PostView> items, String next) {
    }

    /** Why a post is cancelled or taken down. */
    @Schema(name = "SocialPostReason")
    public record Reason(@Schema(example = "the event was postponed", maxLength = 500) String reason) {
    }

    @GET
    @Operation(summary = "Post variants", description = "Posts of the caller's organisation's accounts (all for admins and central approvers), "
            + "those without a time first, then the latest scheduled.")
    @APIResponse(responseCode = "200", description = "The posts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostList.class)))
    public PostList list(@Parameter(description = "Only this story's", example = "st_01jd8x6m3v9q2w7r5t4y1k0zpa") @QueryParam("story") String story,
            @Parameter(description = "Only this account's", example = "01jd8x6m3v9q2w7r5t4y1k0zpb") @QueryParam("account") String account,
            @Parameter(description = "Only in this state", example = "queued",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"draft", "approved", "queued", "claimed", "posted", "failed", "cancelled",
                            "takedown-requested", "taken-down"})) @QueryParam("state") String state,
            @Parameter(description = "Page size (default 50)", example = "50",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = ApiSchemas.MAX_PAGE_SIZE)) @QueryParam("limit") String limit) {
        if (state != null && !STATES.contains(state)) {
            throw ValidationException.of("query.state", "invalid", "one of " + STATES);
        }
        int pageSize = PageLimit.of(QueryParams.optionalInt(limit, "query.limit"), 50, config.limits().maxPageSize());
        return new PostList(posts.list(editor.get(), story, account, state, pageSize), null);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One post variant, with its ETag", description = "With its final text, counted and allowed length, media and link.")
    @APIResponse(responseCode = "200", description = "The post",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    public Response get(@Parameter(description = "The post's id", example = "01jd8x6m3v9q2w7r5t4y1k0zpa") @PathParam("id") String id) {
        return withEtag(posts.get(id, editor.get()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write a post variant", description = "For a story published in the language, an account of the caller's organisation "
            + "posting in it. Refused with each broken network rule named (errors[].code such as x.text.too-long, with counted and allowed). "
            + "Starts as a draft. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Created as a draft",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    public Response create(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostInput.class),
                    examples = @ExampleObject(name = "example", value = POST_EXAMPLE))) PostInput input,
            @Parameter(description = "Any unique text: a retry with the same key gets the first answer", example = "6f1c2a8e-post-1",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 200)) @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Bodies.require(input);
        return Created.response(posts.create(input, editor.get(), idempotencyKey), EntityTags.of(1));
    }

    @POST
    @Path("drafts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Generate a draft from the story", description = "Title and summary cut at a word boundary to fit the network with the "
            + "link, and the story's first picture or video where the network takes one; for an editor to refine.")
    @APIResponse(responseCode = "201", description = "Created as a draft",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    public Response generate(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SocialPosts.DraftRequest.class),
                    examples = @ExampleObject(name = "example", value = "{\"storyId\": \"st_01jd8x6m3v9q2w7r5t4y1k0zpa\", \"lang\": \"fr\", "
                            + "\"accountId\": \"01jd8x6m3v9q2w7r5t4y1k0zpb\"}"))) SocialPosts.DraftRequest request,
            @Parameter(description = "Any unique text: a retry with the same key gets the first answer", example = "6f1c2a8e-draft-1",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 200)) @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Bodies.require(request);
        return Created.response(posts.generate(request, editor.get(), idempotencyKey), EntityTags.of(1));
    }

    @PUT
    @Path("{id}")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a post variant", description = "Needs If-Match. Changing the words, hashtags, media, link or key messages of an "
            + "approved or queued post sends it back to draft for approval; changing only the time keeps the approval (an approved post with a "
            + "time is queued).")
    @APIResponse(responseCode = "200", description = "The post as changed, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    public Response update(@Parameter(description = "The post's id", example = "01jd8x6m3v9q2w7r5t4y1k0zpa") @PathParam("id") String id,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostInput.class),
                    examples = @ExampleObject(name = "example", value = POST_EXAMPLE))) PostInput input,
            @Parameter(description = "The current ETag (428 without, 412 when stale)", required = true, example = "\"v3\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Bodies.require(input);
        return withEtag(posts.update(id, input, ifMatch, editor.get()));
    }

    @POST
    @Path("{id}/approve")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @RolesAllowed({Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "Approve a draft", description = "By an approver of the account's organisation, while the story is published in the "
            + "post's language and past its embargo. With a scheduled time the post is queued for its scheduler at once. Needs If-Match with the ETag of the version reviewed "
            + "(428 without, 412 when the post changed since).")
    @APIResponse(responseCode = "200", description = "The post, approved (or queued)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    public Response approve(@Parameter(description = "The post's id", example = "01jd8x6m3v9q2w7r5t4y1k0zpa") @PathParam("id") String id,
            @Parameter(description = "The ETag the approver reviewed (412 when the post changed since)", required = true, example = "\"v3\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withEtag(posts.approve(id, ifMatch, editor.get()));
    }

    @POST
    @Path("{id}/cancel")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel a post not yet out", description = "Draft, approved, queued, claimed or failed posts; a scheduler holding it is "
            + "refused its result. The body is optional.")
    @APIResponse(responseCode = "200", description = "The post, cancelled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    public Response cancel(@Parameter(description = "The post's id", example = "01jd8x6m3v9q2w7r5t4y1k0zpa") @PathParam("id") String id,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Reason.class))) Reason reason) {
        return withEtag(posts.cancel(id, reason == null ? null : limited(reason.reason()), editor.get()));
    }

    @POST
    @Path("{id}/takedown")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "Ask for a posted post to be taken down", description = "A correction: the post is listed for its scheduler "
            + "(GET /api/v1/social/takedowns) until it reports taken-down. Withdrawing the story does this by itself.")
    @APIResponse(responseCode = "200", description = "The post, takedown requested",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    public Response takedown(@Parameter(description = "The post's id", example = "01jd8x6m3v9q2w7r5t4y1k0zpa") @PathParam("id") String id,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Reason.class))) Reason reason) {
        return withEtag(posts.requestTakedown(id, reason == null ? null : limited(reason.reason()), editor.get()));
    }

    private static String limited(String reason) {
        if (reason != null && reason.length() > 500) {
            throw ValidationException.of("reason", "too-long", "at most 500 characters");
        }
        return reason;
    }

    private static Response withEtag(PostView view) {
        return Response.ok(view).header(HttpHeaders.ETAG, EntityTags.of(view.version())).build();
    }
}
