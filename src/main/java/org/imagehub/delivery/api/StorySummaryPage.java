package org.imagehub.delivery.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.imagehub.delivery.StorySummary;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of the published story list; {@code next} (null on the last page) is the address of the following page.
 * The shape the OpenAPI document states: DeliveryService writes the page by joining the stored entries, in this shape.
 */
@Schema(requiredProperties = {"items", "next"})
public record StorySummaryPage(
        List<StorySummary> items,
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(type = SchemaType.STRING, nullable = true, description = "The next page's address (with its signed cursor); null on the last page",
                example = "/api/v1/stories?lang=fr&limit=20&cursor=eyJr...") String next) {
}
