package org.imagehub.media.asset;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import java.io.InputStream;
import java.net.URI;
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
import org.imagehub.platform.http.EntityTags;
import org.imagehub.platform.http.QueryParams;
import org.imagehub.platform.paging.PageLimit;
import org.imagehub.security.CurrentActor;
import org.imagehub.security.Roles;

@Path("/api/v1/manage/media")
@Tag(name = "Media library", description = "Images uploaded to object storage, their renditions, captions and alt text per language.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CONTRIBUTOR, Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
public class MediaResource {
    private static final String ID_EXAMPLE = "01jd8x6m3v9q2w7r5t4y1k0zpa";

    private final RequestUploads uploads;
    private final CurrentVertxRequest vertxRequest;
    private final MediaLibrary library;
    private final CurrentActor editor;
    private final int maxPageSize;

    public MediaResource(RequestUploads uploads, CurrentVertxRequest vertxRequest, MediaLibrary library,
            CurrentActor editor, HubConfig config) {
        this.uploads = uploads;
        this.vertxRequest = vertxRequest;
        this.library = library;
        this.editor = editor;
        this.maxPageSize = config.limits().maxPageSize();
    }

    /** The form of an upload, one file: documented only, the body is parsed as it streams in ({@link UploadReceiver}). */
    @Schema(requiredProperties = "file")
    public static final class UploadForm {
        @Schema(type = SchemaType.STRING, format = "binary", description = "A JPEG or PNG image, or a PDF document; its type is read from its bytes")
        public String file;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "Upload an image or a PDF document",
            description = "Multipart, one part `file`; streamed to disk, never held in memory. The type is read from the bytes (415 naming "
                    + "it for anything but JPEG, PNG and PDF: SVG, executables, polyglots). A PDF (hub.media.document-max-bytes) is stored "
                    + "without its document info, XMP metadata and document-level scripts, gets no renditions, and is served as an attachment; images over hub.media.image-max-bytes are "
                    + "413 as soon as that many bytes have arrived (the rest is not read; a declared Content-Length over the largest "
                    + "per-kind limit is 413 before anything is read), over hub.media.max-pixels (read from the header, before decoding) "
                    + "413 too. EXIF, XMP and IPTC are removed before the "
                    + "original is stored, under a key made from its SHA-256; the same bytes uploaded again answer 200 with the existing "
                    + "asset. Renditions are made after the commit (`renditions: pending`, then `ready`). Object storage down: 503 with "
                    + "Retry-After, and nothing is stored.")
    @APIResponse(responseCode = "201", description = "Stored; renditions pending",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MediaAssetView.class)))
    @APIResponse(responseCode = "200", description = "These bytes were uploaded before: the existing asset",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MediaAssetView.class)))
    public Response upload(@RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = UploadForm.class), examples = @ExampleObject(name = "image", value = "{\"file\": \"(binary)\"}")))
            InputStream body, @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        MediaUploads.Uploaded uploaded = uploads.upload(body, contentType, vertxRequest.getCurrent(), editor.get());
        MediaAssetView asset = uploaded.asset();
        Response.ResponseBuilder response = uploaded.created()
                ? Response.created(URI.create("/api/v1/manage/media/" + asset.id())) : Response.ok();
        return response.entity(asset).type(MediaType.APPLICATION_JSON).header(HttpHeaders.ETAG, EntityTags.of(asset.version())).build();
    }

    @GET
    @Operation(summary = "The media library, newest first",
            description = "Filters combine with AND; `missingAltText=fr` lists the assets without French alt text. Paged with `cursor`.")
    public MediaLibrary.Page list(
            @Parameter(description = "image, video or document", schema = @Schema(type = SchemaType.STRING, enumeration = {"image", "video", "document"}))
            @QueryParam("kind") String kind,
            @Parameter(description = "The owning organisation", example = "mofa") @QueryParam("organisation") String organisation,
            @Parameter(description = "State of the renditions", schema = @Schema(type = SchemaType.STRING, enumeration = {"pending", "ready", "failed"}))
            @QueryParam("renditions") String renditions,
            @Parameter(description = "Only assets without alt text in this language", example = "fr",
                    schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.LANGUAGE_TAG)) @QueryParam("missingAltText") String missingAltText,
            @Parameter(description = "Opaque, signed: the `next` of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size (default 50)", example = "50",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = ApiSchemas.MAX_PAGE_SIZE)) @QueryParam("limit") String limit) {
        oneOf("query.kind", kind, "image", "video", "document");
        oneOf("query.renditions", renditions, "pending", "ready", "failed");
        return library.list(new MediaLibrary.Filter(kind, organisation, renditions, missingAltText), cursor,
                PageLimit.of(QueryParams.optionalInt(limit, "query.limit"), 50, maxPageSize));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One asset", description = "With its ETag, for a later PUT.")
    @APIResponse(responseCode = "200", description = "The asset",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MediaAssetView.class)))
    public Response get(@Parameter(description = "The asset's id", example = ID_EXAMPLE) @PathParam("id") String id) {
        MediaAssetView view = library.get(id);
        return Response.ok(view).header(HttpHeaders.ETAG, EntityTags.of(view.version())).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "Replace an asset's metadata",
            description = "Credit, licence, copyright, focal point, caption and alt text per language; needs If-Match (428 without, 412 "
                    + "when stale). Editors of the owning organisation, central ones and admins. A moved focal point makes the crops again.")
    @APIResponse(responseCode = "200", description = "Replaced, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MediaAssetView.class)))
    public Response update(@Parameter(description = "The asset's id", example = ID_EXAMPLE) @PathParam("id") String id,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MediaInput.class),
                    examples = @ExampleObject(name = "example", value = "{\"credit\": \"Photo: VNA\", \"licence\": \"CC BY 4.0\", "
                            + "\"focalPoint\": {\"x\": 0.4, \"y\": 0.35}, \"texts\": {\"fr\": {\"caption\": \"La baie d'Hạ Long\", "
                            + "\"altText\": \"Des îles calcaires sur une eau verte\"}}}"))) MediaInput input,
            @Parameter(description = "The current ETag (428 without, 412 when stale)", example = "\"v1\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        MediaAssetView view = library.update(id, Bodies.require(input), ifMatch, editor.get());
        return Response.ok(view).header(HttpHeaders.ETAG, EntityTags.of(view.version())).build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "Delete an asset",
            description = "Refused with 409 naming the stories that use it. With If-Match, refused with 412 when the asset changed since "
                    + "(a delete decided on an old caption or crop). Its files are removed from storage after the commit.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "Stories use the asset (each named in `errors`)")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    public Response delete(@Parameter(description = "The asset's id", example = ID_EXAMPLE) @PathParam("id") String id,
            @Parameter(description = "Optional: the ETag the delete was decided on (412 when stale)", example = "\"v1\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        library.delete(id, ifMatch, editor.get());
        return Response.noContent().build();
    }

    private static void oneOf(String field, String value, String... allowed) {
        if (value != null && !List.of(allowed).contains(value)) {
            throw ValidationException.of(field, "invalid", "one of " + String.join(", ", allowed));
        }
    }
}
