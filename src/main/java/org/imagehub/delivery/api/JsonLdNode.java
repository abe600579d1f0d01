package org.imagehub.delivery.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A node of the JSON-LD answer, for the OpenAPI document only: schema.org properties follow {@code @type}. */
@Schema(name = "JsonLdNode", description = "A schema.org node (NewsArticle or ClaimReview) with its schema.org properties",
        requiredProperties = {"@context", "@type"}, additionalProperties = Schema.True.class)
public record JsonLdNode(
        @JsonProperty("@context") @Schema(enumeration = "https://schema.org") String context,
        @JsonProperty("@type") @Schema(enumeration = {"NewsArticle", "ClaimReview"}) String type) {
}
