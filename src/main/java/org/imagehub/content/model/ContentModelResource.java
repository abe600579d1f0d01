package org.imagehub.content.model;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/content-model")
@Tag(name = "Content model", description = "The declared content types (read-only).")
public class ContentModelResource {
    private final ContentModel contentModel;

    public ContentModelResource(ContentModel contentModel) {
        this.contentModel = contentModel;
    }

    /** The declared content types as their JSON documents. */
    @Schema(requiredProperties = "types")
    public record ContentModelView(@Schema(description = "Each type's declaration: its name, its story and localization fields as JSON Schema, "
            + "display hints", example = "[{\"type\": \"article\", \"label\": {\"en\": \"Article\"}, \"storyFields\": {\"type\": \"object\"}, \"localizationFields\": "
            + "{\"type\": \"object\"}}]") List<JsonNode> types) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The declared content types", description = "JSON Schema of each type's story and localization fields, with display hints.")
    public ContentModelView contentModel() {
        return new ContentModelView(contentModel.types().stream().map(ContentType::document).toList());
    }
}
