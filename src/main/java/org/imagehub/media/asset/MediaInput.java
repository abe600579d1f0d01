package org.imagehub.media.asset;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What editors say about an asset; a PUT replaces all of it. */
public record MediaInput(
        @Schema(maxLength = 200, example = "Photo: Nguyễn Văn A / VNA") String credit,
        @Schema(maxLength = 200, example = "CC BY 4.0") String licence,
        @Schema(maxLength = 200, example = "© 2026 Vietnam News Agency") String copyright,
        FocalPoint focalPoint,
        @Schema(description = "Caption and alt text by BCP 47 language tag", example = "{\"fr\": {\"caption\": \"La baie d'Hạ Long\", "
                + "\"altText\": \"Des îles calcaires sur une eau verte\"}}") Map<String, LocalizedText> texts,
        @Schema(description = "Videos only: an image asset to show as the poster (frames are not extracted: no ffmpeg in the hub)",
                example = "01jd8x6m3v9q2w7r5t4y1k0zpb") String posterId) {
}
