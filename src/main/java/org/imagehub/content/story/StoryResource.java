package org.imagehub.content.story;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.content.revision.FieldChange;
import org.imagehub.content.revision.RevisionView;
import org.imagehub.platform.HubConfig;
import org.imagehub.platform.http.Bodies;
import org.imagehub.platform.http.Created;
import org.imagehub.platform.http.EntityTags;
import org.imagehub.platform.http.QueryParams;
import org.imagehub.platform.paging.PageLimit;
import org.imagehub.security.CurrentEditor;
import org.imagehub.security.Roles;

@Path("/api/v1/manage/stories")
@Tag(name = "Stories (management)", description = "Stories, localizations and their revisions, for editors.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CONTRIBUTOR, Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
public class StoryResource {
    private final StoryService stories;
    private final CurrentEditor editor;
    private final int maxPageSize;

    public StoryResource(StoryService stories, CurrentEditor editor, HubConfig config) {
        this.stories = stories;
        this.editor = editor;
        this.maxPageSize = config.limits().maxPageSize();
    }

    /** Every revision of the localization: one page, so {@code next} is always absent. */
    public record RevisionList(List<RevisionView> items, String next) {
    }

    public record RevisionDiffView(int from, int to, List<FieldChange> changes) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a story with its first localizations", description = "Honours Idempotency-Key: a retry gets the first answer.")
    public Response create(StoryInput input, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return Created.response(stories.create(Bodies.require(input), editor.get(), idempotencyKey), EntityTags.of(1));
    }

    @GET
    @Operation(summary = "Stories, most recently changed first", description = "Cursor paging: pass `next` back as `cursor`.")
    public StoryPage list(@QueryParam("type") String type, @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return stories.list(type, cursor, PageLimit.of(QueryParams.optionalInt(limit, "query.limit"), 20, maxPageSize), editor.get());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One story with all its localizations, with its ETag")
    public Response get(@PathParam("id") String id) {
        StoryView view = stories.get(id, editor.get());
        return Response.ok(view).header(HttpHeaders.ETAG, EntityTags.of(view.version())).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "Replace the story's own attributes",
            description = "Needs If-Match with the story's ETag; localizations are saved separately. Once a language is approved, scheduled or "
                    + "live, only an approver may change the attributes (403 otherwise); moving the embargo or expiry of a live story needs "
                    + "a `reason`. Every change is an attribute revision.")
    public Response update(@PathParam("id") String id, StoryInput input, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        StoryView view = stories.updateAttributes(id, Bodies.require(input), ifMatch, editor.get());
        return Response.ok(view).header(HttpHeaders.ETAG, EntityTags.of(view.version())).build();
    }

    /** Every attribute revision of the story: one page, so {@code next} is always absent. */
    public record AttributeRevisionList(List<AttributeRevisionView> items, String next) {
    }

    @GET
    @Path("{id}/attribute-revisions")
    @Operation(summary = "The story's attribute revisions, newest first",
            description = "Each change of the story's own attributes (type fields, rights, topics, countries, key messages, organisation, "
                    + "priority, embargo, expiry) with what changed from what to what, who changed it and why. Only for the owning organisation.")
    public AttributeRevisionList attributeRevisions(@PathParam("id") String id) {
        return new AttributeRevisionList(stories.attributeRevisions(id, editor.get()), null);
    }

    @GET
    @Path("{id}/localizations/{lang}")
    @Operation(summary = "One localization, with its ETag and translation status")
    public Response getLocalization(@PathParam("id") String id, @PathParam("lang") String lang) {
        LocalizationView view = stories.getLocalization(id, lang, editor.get());
        return Response.ok(view).header(HttpHeaders.ETAG, EntityTags.of(view.version())).build();
    }

    @PUT
    @Path("{id}/localizations/{lang}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or revise a localization",
            description = "Creates it when the story has none in that language; otherwise needs If-Match with the localization's ETag. Every change is a new revision.")
    public Response saveLocalization(@PathParam("id") String id, @PathParam("lang") String lang, LocalizationInput input,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        StoryService.SavedLocalization saved = stories.saveLocalization(id, lang, Bodies.require(input), ifMatch, editor.get());
        return Response.status(saved.created() ? 201 : 200).entity(saved.view())
                .header(HttpHeaders.ETAG, EntityTags.of(saved.view().version())).build();
    }

    @GET
    @Path("{id}/localizations/{lang}/revisions")
    @Operation(summary = "The localization's revisions, newest first")
    public RevisionList revisions(@PathParam("id") String id, @PathParam("lang") String lang) {
        return new RevisionList(stories.revisions(id, lang, editor.get()).stream().map(RevisionView::of).toList(), null);
    }

    @GET
    @Path("{id}/localizations/{lang}/revisions/{number}")
    @Operation(summary = "One revision")
    public RevisionView revision(@PathParam("id") String id, @PathParam("lang") String lang, @PathParam("number") String number) {
        return RevisionView.of(stories.revision(id, lang, QueryParams.positiveInt(number, "path.number"), editor.get()));
    }

    @GET
    @Path("{id}/localizations/{lang}/diff")
    @Operation(summary = "Field-level differences between two revisions")
    public RevisionDiffView diff(@PathParam("id") String id, @PathParam("lang") String lang, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        int fromNumber = QueryParams.positiveInt(from, "query.from");
        int toNumber = QueryParams.positiveInt(to, "query.to");
        return new RevisionDiffView(fromNumber, toNumber, stories.diff(id, lang, fromNumber, toNumber, editor.get()));
    }

    @POST
    @Path("{id}/localizations/{lang}/revisions/{number}/restore")
    @RolesAllowed({Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "Restore a revision", description = "Creates a new revision equal to the given one. Needs If-Match with the localization's ETag.")
    public Response restore(@PathParam("id") String id, @PathParam("lang") String lang, @PathParam("number") String number,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        LocalizationView view = stories.restore(id, lang, QueryParams.positiveInt(number, "path.number"), ifMatch, editor.get());
        return Response.ok(view).header(HttpHeaders.ETAG, EntityTags.of(view.version())).build();
    }
}
