package org.imagehub.delivery.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imagehub.delivery.DeliveredStory;

/**
 * The JSON answer for one published story: the delivered story plus up to five related stories. Only the document
 * uses this type; {@link DeliveryService} writes the same shape, and the contract test checks real answers against it.
 */
@Schema(name = "PublishedStory", allOf = {DeliveredStory.class, PublishedStory.Relations.class})
public final class PublishedStory {
    private PublishedStory() {
    }

    @Schema(name = "StoryRelations", requiredProperties = "related")
    record Relations(@Schema(maxItems = 5) List<RelatedStory> related) {
    }

    /** A story sharing a topic, in the same language: a link with its title. */
    @Schema(requiredProperties = {"id", "lang", "title", "url"})
    record RelatedStory(String id, String lang, String title, String url) {
    }
}
