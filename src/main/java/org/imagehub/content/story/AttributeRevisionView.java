package org.imagehub.content.story;

import java.time.Instant;
import java.util.List;
import org.imagehub.content.revision.FieldChange;

/** One change of a story's attributes: its number, what changed (old → new), who made it, when and why. */
public record AttributeRevisionView(int number, List<FieldChange> changes, String reason, String createdBy, Instant createdAt) {
}
