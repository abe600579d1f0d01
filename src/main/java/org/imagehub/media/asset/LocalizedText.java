package org.imagehub.media.asset;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Caption and alternative text of an asset in one language. */
public record LocalizedText(
        @Schema(description = "Shown under the image, up to 1000 characters", maxLength = 1000, example = "Hạ Long Bay at dawn") String caption,
        @Schema(description = "Read out instead of the image, up to 500 characters", maxLength = 500,
                example = "Limestone islands rising from calm green water under a pale sky") String altText) {
}
