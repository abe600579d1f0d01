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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.content.revision.FieldChange;
import org.imagehub.content.revision.RevisionView;
import org.imagehub.platform.HubConfig;
import org.imagehub.platform.http.ApiSchemas;
import org.imagehub.platform.http.Bodies;
import org.imagehub.platform.http.Created;
import org.imagehub.platform.http.EntityTags;
import org.imagehub.platform.http.QueryParams;
import org.imagehub.platform.idempotency.IdempotentCreate;
import org.imagehub.platform.paging.PageLimit;
import org.imagehub.security.CurrentActor;
import org.imagehub.security.Roles;

@Path("/api/v1/manage/stories")
@Tag(name = "Stories (management)", description = "Stories, localizations and their revisions, for editors.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CONTRIBUTOR, Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
public class StoryResource {
    private static final String CREATE_EXAMPLE = """
            {"externalId": "cms-42", "type": "article", "organisation": "mofa", "priority": "normal", "topics": ["diplomacy"],
             "countries": ["FR"], "tags": ["partnership"], "keyMessages": ["km-france-partnership"],
             "rights": {"credit": "Photo: VNA", "source": "Vietnam News Agency", "licence": "https://creativecommons.org/licenses/by/4.0/"},
             "fields": {"dateline": "HA NOI"}, "reason": "First version",
             "localizations": [
               {"lang": "en", "title": "Vietnam and France deepen their cooperation", "summary": "A new step in the partnership.",
                "body": "Hanoi, 23 November. Vietnam and France...", "slug": "vietnam-and-france-deepen-their-cooperation",
                "seoTitle": "Vietnam and France deepen their cooperation", "seoDescription": "A new step in the strategic partnership.",
                "translatedFrom": {"lang": "fr", "revision": 1}},
               {"lang": "fr", "title": "Le Vietnam et la France renforcent leur coopération", "body": "<p>Hanoï, le 23 novembre.</p>"}]}""";
    private static final String UPDATE_EXAMPLE = """
            {"externalId": "cms-42", "type": "article", "organisation": "mofa", "priority": "breaking", "topics": ["diplomacy", "economy"],
             "countries": ["FR"], "tags": ["partnership"], "keyMessages": ["km-france-partnership"],
             "rights": {"credit": "Photo: VNA", "source": "Vietnam News Agency", "licence": "https://creativecommons.org/licenses/by/4.0/"},
             "fields": {"dateline": "HA NOI"}, "reason": "Now a breaking story"}""";
    private static final String LOCALIZATION_EXAMPLE = """
            {"title": "Vietnam and France deepen their cooperation", "summary": "A new step in the strategic partnership.",
             "body": "<p>Hanoi, 23 November.</p>", "slug": "vietnam-and-france-deepen-their-cooperation", "seoTitle": "Vietnam and France",
             "seoDescription": "A new step in the strategic partnership.", "translatedFrom": {"lang": "fr", "revision": 1}}""";

    private final StoryService stories;
    private final NearDuplicateAnswers nearDuplicates;
    private final CurrentActor editor;
    private final int maxPageSize;

    public StoryResource(StoryService stories, NearDuplicateAnswers nearDuplicates, CurrentActor editor, HubConfig config) {
        this.stories = stories;
        this.nearDuplicates = nearDuplicates;
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
    @Operation(summary = "Create a story with its first localizations",
            description = "Honours Idempotency-Key: a retry gets the first answer. Each localization in the answer has nearDuplicates: stories "
                    + "of any organisation whose text in its language is very like it (checked after the save, and again for a retry: search "
                    + "being down never fails the create, nearDuplicates.checked is then false).")
    @APIResponse(responseCode = "201", description = "Created; Location names the story, ETag its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StoryView.class)))
    public Response create(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StoryInput.class),
                    examples = @ExampleObject(name = "example", value = CREATE_EXAMPLE))) StoryInput input,
            @Parameter(description = "Any unique text: a retry with the same key gets the first answer; reused for another request: 409", example = "6f1c2a8e-create-story-42", schema = @Schema(type = SchemaType.STRING, maxLength = 200)) @HeaderParam("Idempotency-Key") String idempotencyKey) {
        IdempotentCreate created = stories.create(Bodies.require(input), editor.get(), idempotencyKey);
        // After the commit, like a localization save's check.
        IdempotentCreate answer = new IdempotentCreate(created.status(), created.location(), nearDuplicates.withChecks(created.body()), created.replayed());
        return Created.response(answer, EntityTags.of(1));
    }

    @GET
    @Operation(summary = "Stories, most recently changed first", description = "Cursor paging: pass `next` back as `cursor`.")
    public StoryPage list(
            @Parameter(description = "Only stories of this content type (another value matches none)", example = "article")
            @QueryParam("type") String type,
            @Parameter(description = "Opaque, signed: the `next` of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size (default 20)", example = "20",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = ApiSchemas.MAX_PAGE_SIZE)) @QueryParam("limit") String limit) {
        return stories.list(type, cursor, PageLimit.of(QueryParams.optionalInt(limit, "query.limit"), 20, maxPageSize), editor.get());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One story with all its localizations, with its ETag",
            description = "Editors of the owning organisation (and central approvers and admins) see every state; the ETag is for If-Match.")
    @APIResponse(responseCode = "200", description = "The story",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StoryView.class)))
    public Response get(@Parameter(description = "The story's id", example = "st_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") @PathParam("id") String id) {
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
    @APIResponse(responseCode = "200", description = "The story as changed, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StoryView.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response update(@Parameter(description = "The story's id", example = "st_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") @PathParam("id") String id,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StoryInput.class),
                    examples = @ExampleObject(name = "example", value = UPDATE_EXAMPLE))) StoryInput input,
            @Parameter(description = "The current ETag (428 without, 412 when stale)", required = true, example = "\"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
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
    public AttributeRevisionList attributeRevisions(@Parameter(description = "The story's id", example = "st_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") @PathParam("id") String id) {
        return new AttributeRevisionList(stories.attributeRevisions(id, editor.get()), null);
    }

    @GET
    @Path("{id}/localizations/{lang}")
    @Operation(summary = "One localization, with its ETag and translation status",
            description = "Its workflow state, current revision and whether its translation source changed since (outdated).")
    @APIResponse(responseCode = "200", description = "The localization",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LocalizationView.class)))
    public Response getLocalization(@Parameter(description = "The story's id", example = "st_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") @PathParam("id") String id, @Parameter(description = "BCP 47 tag", example = "fr", schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.LANGUAGE_TAG)) @PathParam("lang") String lang) {
        LocalizationView view = stories.getLocalization(id, lang, editor.get());
        return Response.ok(view).header(HttpHeaders.ETAG, EntityTags.of(view.version())).build();
    }

    @PUT
    @Path("{id}/localizations/{lang}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or revise a localization",
            description = "Creates it when the story has none in that language; otherwise needs If-Match with the localization's ETag. Every change "
                    + "is a new revision. The answer's nearDuplicates lists stories of any organisation whose text in this language is very like "
                    + "the saved one (checked after the save: search being down never fails it, nearDuplicates.checked is then false).")
    @APIResponse(responseCode = "200", description = "Revised: the localization with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LocalizationView.class)))
    @APIResponse(responseCode = "201", description = "Created: the new localization with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LocalizationView.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response saveLocalization(@Parameter(description = "The story's id", example = "st_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") @PathParam("id") String id, @Parameter(description = "BCP 47 tag", example = "fr", schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.LANGUAGE_TAG)) @PathParam("lang") String lang,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LocalizationInput.class),
                    examples = @ExampleObject(name = "example", value = LOCALIZATION_EXAMPLE))) LocalizationInput input,
            @Parameter(description = "The current ETag; required to change an existing one (428 without, 412 when stale)", example = "\"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        StoryService.SavedLocalization saved = stories.saveLocalization(id, lang, Bodies.require(input), ifMatch, editor.get());
        // After the commit: the save never waits on nor fails with the search index.
        LocalizationView answer = nearDuplicates.withCheck(id, saved.view());
        return Response.status(saved.created() ? 201 : 200).entity(answer)
                .header(HttpHeaders.ETAG, EntityTags.of(saved.view().version())).build();
    }

    @GET
    @Path("{id}/localizations/{lang}/revisions")
    @Operation(summary = "The localization's revisions, newest first", description = "Every save is a numbered, immutable revision.")
    public RevisionList revisions(@Parameter(description = "The story's id", example = "st_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") @PathParam("id") String id, @Parameter(description = "BCP 47 tag", example = "fr", schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.LANGUAGE_TAG)) @PathParam("lang") String lang) {
        return new RevisionList(stories.revisions(id, lang, editor.get()), null);
    }

    @GET
    @Path("{id}/localizations/{lang}/revisions/{number}")
    @Operation(summary = "One revision", description = "The localization's content as it was saved in that revision.")
    public RevisionView revision(@Parameter(description = "The story's id", example = "st_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") @PathParam("id") String id, @Parameter(description = "BCP 47 tag", example = "fr", schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.LANGUAGE_TAG)) @PathParam("lang") String lang,
            @Parameter(description = "Revision number", example = "1", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @PathParam("number") String number) {
        return stories.revision(id, lang, QueryParams.positiveInt(number, "path.number"), editor.get());
    }

    @GET
    @Path("{id}/localizations/{lang}/diff")
    @Operation(summary = "Field-level differences between two revisions", description = "Each changed field with its value in `from` and in `to`.")
    public RevisionDiffView diff(@Parameter(description = "The story's id", example = "st_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") @PathParam("id") String id, @Parameter(description = "BCP 47 tag", example = "fr", schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.LANGUAGE_TAG)) @PathParam("lang") String lang,
            @Parameter(description = "Revision number", required = true, example = "1", schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
            @QueryParam("from") String from,
            @Parameter(description = "Revision number", required = true, example = "2", schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
            @QueryParam("to") String to) {
        int fromNumber = QueryParams.positiveInt(from, "query.from");
        int toNumber = QueryParams.positiveInt(to, "query.to");
        return new RevisionDiffView(fromNumber, toNumber, stories.diff(id, lang, fromNumber, toNumber, editor.get()));
    }

    @POST
    @Path("{id}/localizations/{lang}/revisions/{number}/restore")
    @RolesAllowed({Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "Restore a revision", description = "Creates a new revision equal to the given one. Needs If-Match with the localization's ETag.")
    @APIResponse(responseCode = "200", description = "The localization with the restored content as a new revision, and its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LocalizationView.class)))
    public Response restore(@Parameter(description = "The story's id", example = "st_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") @PathParam("id") String id, @Parameter(description = "BCP 47 tag", example = "fr", schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.LANGUAGE_TAG)) @PathParam("lang") String lang,
            @Parameter(description = "Revision number", example = "1", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @PathParam("number") String number,
            @Parameter(description = "The current ETag (428 without, 412 when stale)", required = true, example = "\"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        LocalizationView view = stories.restore(id, lang, QueryParams.positiveInt(number, "path.number"), ifMatch, editor.get());
        return Response.ok(view).header(HttpHeaders.ETAG, EntityTags.of(view.version())).build();
    }
}
