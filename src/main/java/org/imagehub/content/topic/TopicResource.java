package org.imagehub.content.topic;

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
import org.imagehub.platform.http.ApiSchemas;
import org.imagehub.platform.http.Bodies;
import org.imagehub.platform.http.Created;
import org.imagehub.security.CurrentActor;
import org.imagehub.security.Roles;

@Path("/api/v1")
@Tag(name = "Taxonomy", description = "Topics with labels per language.")
@Produces(MediaType.APPLICATION_JSON)
public class TopicResource {
    private final TopicService topics;
    private final CurrentActor editor;

    public TopicResource(TopicService topics, CurrentActor editor) {
        this.topics = topics;
        this.editor = editor;
    }

    /** The whole taxonomy: one page, so {@code next} is always absent. */
    public record TopicList(List<TopicView> items, String next) {
    }

    @GET
    @Path("topics")
    @Operation(summary = "The topic taxonomy, with labels per language", description = "Public: no key needed.")
    public TopicList list() {
        return new TopicList(topics.all(), null);
    }

    @PUT
    @Path("manage/topics/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create or replace a topic",
            description = "Admins only. Labels per language; optionally the IPTC Media Topic it maps to. A replacement needs If-Match with "
                    + "the topic's ETag (428 without, 412 when stale). Honours Idempotency-Key.")
    @APIResponse(responseCode = "200", description = "Replaced, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TopicView.class)))
    @APIResponse(responseCode = "201", description = "Created, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TopicView.class)))
    public Response save(@Parameter(description = "The topic's code", example = "diplomacy", schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.CODE, maxLength = 60)) @PathParam("code") String code,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TopicInput.class),
                    examples = @ExampleObject(name = "example", value = "{\"labels\": {\"vi\": \"Ngoại giao\", \"en\": \"Diplomacy\", \"fr\": \"Diplomatie\"}, \"iptcMediaTopic\": \"medtop:11000000\"}"))) TopicInput input,
            @Parameter(description = "The current ETag; required to replace an existing topic (428 without, 412 when stale)", example = "\"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        TopicService.Saved saved = topics.save(code, Bodies.require(input), ifMatch, idempotencyKey, editor.get());
        return Created.response(saved.answer(), saved.etag());
    }
}
