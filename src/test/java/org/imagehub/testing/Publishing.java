package org.imagehub.testing;

import io.quarkus.arc.Arc;
import java.util.List;
import java.util.Set;
import org.imagehub.content.workflow.PublicationService;
import org.imagehub.security.Editor;
import org.imagehub.security.Roles;

/** Publishes test stories directly through the publication service, until the editorial workflow API covers it. */
public final class Publishing {
    private Publishing() {
    }

    public static void publishAll(String storyId) {
        Arc.container().instance(PublicationService.class).get()
                .publishAllDrafts(List.of(storyId), new Editor("test-approver", "mofa", Set.of(Roles.APPROVER)));
    }
}
