package org.imagehub.media.video;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a direct upload's parts go: PUT bytes [(n-1)·partBytes, n·partBytes) to part n's URL, then complete. */
@Schema(requiredProperties = {"id", "partBytes", "parts", "expiresAt"})
public record UploadPlan(
        @Schema(example = "01jd8x6m3v9q2w7r5t4y1k0zpc") String id,
        @Schema(description = "Size of every part but the last", example = "16777216") long partBytes,
        List<PartUrl> parts,
        @Schema(description = "The URLs stop working then, and an unfinished upload is aborted") Instant expiresAt) {

    /** A presigned URL to PUT one part to (storage answers its ETag; the hub reads the parts from storage itself). */
    @Schema(requiredProperties = {"partNumber", "url"})
    public record PartUrl(@Schema(example = "1") int partNumber,
            @Schema(example = "https://media-upload.example.org/image-hub-media/videos/01jd8x6m3v9q2w7r5t4y1k0zpc.mp4?uploadId=…&partNumber=1&X-Amz-Signature=…") String url) {
    }
}
