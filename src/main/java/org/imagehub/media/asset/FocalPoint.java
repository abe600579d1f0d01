package org.imagehub.media.asset;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where the subject is, as fractions of width and height from the top left: crops keep it in view. */
@Schema(requiredProperties = {"x", "y"})
public record FocalPoint(
        @Schema(minimum = "0", maximum = "1", example = "0.5") Double x,
        @Schema(minimum = "0", maximum = "1", example = "0.4") Double y) {
}
