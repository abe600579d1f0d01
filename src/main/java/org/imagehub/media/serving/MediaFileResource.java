package org.imagehub.media.serving;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.media.ObjectStorage;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.NotFoundException;
import org.imagehub.platform.errors.Problem;
import org.imagehub.platform.errors.ProblemType;
import org.imagehub.security.Roles;

/**
 * Original and rendition files, served by the hub and streamed from object storage. The file name carries the
 * content hash, so a URL never changes meaning and may be cached for a year by anyone; the ETag is that hash.
 */
@Path("/api/v1/media")
@Tag(name = "Media files", description = "Images of published stories, at content-addressed URLs that work from any site.")
public class MediaFileResource {
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String PREVIEW = "private, no-store";

    private final MediaFiles files;
    private final ObjectStorage storage;
    private final SecurityIdentity identity;
    private final PublicFileCache cache;

    public MediaFileResource(MediaFiles files, ObjectStorage storage, SecurityIdentity identity, PublicFileCache cache) {
        this.files = files;
        this.storage = storage;
        this.identity = identity;
        this.cache = cache;
    }

    @GET
    @Path("{id}/{file}")
    @Operation(summary = "Download an original or a rendition",
            description = "Public, no key: embassy sites put these URLs in <img>. Only files of assets used by a published story are served "
                    + "(to anyone else 404); editors with a bearer token may preview any asset's files (not cached). Strong ETag (the "
                    + "content's SHA-256), If-None-Match gives 304, Cache-Control: public, max-age=31536000, immutable. One byte range "
                    + "(Range: bytes=a-b) gives 206 with Content-Range (Accept-Ranges: bytes), read from storage by a ranged GET; a range "
                    + "past the end gives 416. Documents (PDF) are served with Content-Disposition: attachment and X-Content-Type-Options: nosniff.")
    @APIResponse(responseCode = "200", description = "The file", content = {
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/webp", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "video/mp4", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "206", description = "The byte range asked for, with Content-Range (videos are seeked this way)", content = {
            @Content(mediaType = "video/mp4", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match matched the ETag")
    @APIResponse(responseCode = "416", description = "The range lies past the end of the file; Content-Range: bytes */size",
            content = @Content(mediaType = "application/problem+json"))
    public Response file(@Parameter(description = "The asset's id", example = "01jd8x6m3v9q2w7r5t4y1k0zpa") @PathParam("id") String id,
            @Parameter(description = "The file's name, as listed in the asset's `files` or `original`", example = "medium-3fa2c1d9e0ab4c11.webp",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[a-z-]+-[0-9a-f]{16}\\.[a-z]+$")) @PathParam("file") String file,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Parameter(description = "One byte range (`bytes=0-1048575`, `bytes=1048576-`, `bytes=-500`): 206 with those bytes, 416 past the end",
                    example = "bytes=0-1048575") @HeaderParam("Range") String range,
            @Parameter(description = "Serve the range only while the file's ETag is this one (else the whole file)",
                    example = "\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"") @HeaderParam("If-Range") String ifRange) {
        boolean published = files.isPublished(id);
        if (!published && !isEditor()) {
            throw new NotFoundException("No such media file.");
        }
        // Previews of unpublished assets are not kept: they are few, and an editor's asset may still be deleted.
        MediaFiles.StoredFile stored = (published ? cache.find(id, file) : files.find(id, file))
                .orElseThrow(() -> new NotFoundException("No such media file."));
        String etag = "\"" + stored.sha256() + "\"";
        String cacheControl = published ? IMMUTABLE : PREVIEW;
        if (ifNoneMatch != null && (ifNoneMatch.trim().equals("*") || java.util.Arrays.stream(ifNoneMatch.split(","))
                .map(String::trim).anyMatch(etag::equals))) {
            return Response.notModified().header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
        }
        Optional<ByteRange> part;
        try {
            // If-Range names the version the client already holds part of; any other version is sent whole (RFC 9110 §13.1.5).
            part = ifRange == null || ifRange.trim().equals(etag) ? ByteRange.parse(range, stored.bytes()) : Optional.empty();
        } catch (ByteRange.Unsatisfiable e) {
            return Response.status(416).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(ProblemType.RANGE_NOT_SATISFIABLE, "The file has " + stored.bytes() + " bytes; the range "
                            + range + " lies past its end.", "/api/v1/media/" + id + "/" + file,
                            List.of(new FieldError("header.Range", "unsatisfiable", "a range starting before byte " + stored.bytes()))))
                    .header("Content-Range", "bytes */" + stored.bytes())
                    .header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                    .build();
        }
        // A range is a ranged GET on storage: a seek into a 2 GB video reads those bytes only, never the whole object.
        // A whole small public file comes from memory; previews of unpublished assets are not kept (few, and deletable).
        Object body = part.isPresent() ? stream(storage.range(stored.key(), part.get().first(), part.get().length()))
                : (published ? cache.get(stored) : Optional.<PublicFileCache.CachedFile>empty())
                        .<Object>map(PublicFileCache.CachedFile::content).orElseGet(() -> stream(storage.get(stored.key())));
        Response.ResponseBuilder response = part.isPresent()
                ? Response.status(206).entity(body).type(stored.mediaType()).header("Content-Range", part.get().contentRange(stored.bytes()))
                        .header(HttpHeaders.CONTENT_LENGTH, part.get().length())
                : Response.ok(body, stored.mediaType()).header(HttpHeaders.CONTENT_LENGTH, stored.bytes());
        if (!stored.mediaType().startsWith("image/") && !stored.mediaType().startsWith("video/")) {
            // A document (PDF) is downloaded, never rendered in the hub's origin: a PDF that is also a page or carries
            // scripts cannot act as this site (attachment, nosniff, and a sandbox should a browser show it anyway).
            response.header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                    .header("Content-Security-Policy", "sandbox");
        }
        return response
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header("Accept-Ranges", "bytes")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static StreamingOutput stream(InputStream content) {
        return out -> {
            try (content) {
                content.transferTo(out);
            }
        };
    }

    private boolean isEditor() {
        try {
            return !identity.isAnonymous() && (identity.hasRole(Roles.CONTRIBUTOR) || identity.hasRole(Roles.EDITOR)
                    || identity.hasRole(Roles.APPROVER) || identity.hasRole(Roles.ADMIN));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
