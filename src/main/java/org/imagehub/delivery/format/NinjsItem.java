package org.imagehub.delivery.format;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The part of IPTC ninjs 2.1 that {@link NinjsMapper} writes, for the OpenAPI document: only the document uses this
 * type. The suite checks real answers both against it (the contract test) and against IPTC's own schema.
 */
@Schema(name = "NinjsItem", description = "An IPTC ninjs 2.1 news item (schema http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json)",
        requiredProperties = {"uri", "standard", "language", "version", "versioncreated", "pubstatus"})
public record NinjsItem(
        @Schema(example = "urn:image-hub:story:st_01JD8X6M3V9Q2W7R5T4Y1K0ZPA:fr") String uri,
        Standard standard,
        @Schema(example = "fr") String language,
        @Schema(description = "Grows with every publication", example = "3") String version,
        Instant versioncreated,
        @Schema(enumeration = "text") String type,
        @Schema(enumeration = "full") String representationtype,
        @Schema(description = "image-hub:<content type>", example = "image-hub:article") String profile,
        Instant firstcreated,
        Instant contentcreated,
        Instant embargoed,
        Instant expires,
        @Schema(enumeration = {"usable", "canceled"}) String pubstatus,
        @Schema(description = "1 for breaking stories, 5 otherwise", minimum = "1", maximum = "9") Integer urgency,
        String slugline,
        List<Text> headlines,
        List<Text> descriptions,
        List<Text> bodies,
        @Schema(description = "Topics (rel topic) and tags (rel tag)") List<Subject> subjects,
        @Schema(description = "Target countries: ISO 3166 code and name in the item's language") List<Place> places,
        String copyrightholder,
        String by,
        String usageterms,
        RightsInfo rightsinfo) {

    @Schema(name = "NinjsStandard", requiredProperties = {"name", "version", "schema"})
    record Standard(@Schema(enumeration = "ninjs") String name, @Schema(enumeration = "2.1") String version, String schema) {
    }

    @Schema(name = "NinjsText", requiredProperties = {"role", "contenttype", "value"})
    record Text(String role, @Schema(enumeration = {"text/plain", "text/html"}) String contenttype, String value, Integer charcount) {
    }

    @Schema(name = "NinjsSubject", requiredProperties = {"literal", "rel"})
    record Subject(String literal, @Schema(enumeration = {"topic", "tag"}) String rel) {
    }

    @Schema(name = "NinjsPlace", requiredProperties = "literal")
    record Place(String literal, String name) {
    }

    @Schema(name = "NinjsRightsInfo")
    record RightsInfo(String linkedrights) {
    }
}
