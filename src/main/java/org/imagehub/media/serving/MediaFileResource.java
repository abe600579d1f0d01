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
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.media.ObjectStorage;
import org.imagehub.platform.errors.NotFoundException;
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
                    + "content's SHA-256), If-None-Match gives 304, Cache-Control: public, max-age=31536000, immutable.")
    @APIResponse(responseCode = "200", description = "The file", content = {
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/webp", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match matched the ETag")
    public Response file(@Parameter(description = "The asset's id", example = "01jd8x6m3v9q2w7r5t4y1k0zpa") @PathParam("id") String id,
            @Parameter(description = "The file's name, as listed in the asset's `files` or `original`", example = "medium-3fa2c1d9e0ab4c11.webp",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[a-z-]+-[0-9a-f]{16}\\.[a-z]+$")) @PathParam("file") String file,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
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
        Object body = (published ? cache.get(stored) : Optional.<PublicFileCache.CachedFile>empty())
                .<Object>map(PublicFileCache.CachedFile::content).orElseGet(() -> stream(stored));
        return Response.ok(body, stored.mediaType())
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header(HttpHeaders.CONTENT_LENGTH, stored.bytes())
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private StreamingOutput stream(MediaFiles.StoredFile stored) {
        InputStream content = storage.get(stored.key());
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
