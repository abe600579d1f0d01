package org.imagehub.content.workflow;

import java.time.Instant;

public record TransitionView(String action, String from, String to, int revision, String actor, String organisation, String comment,
        boolean fastTracked, Instant scheduledFor, Instant at) {
    static TransitionView of(WorkflowTransition transition) {
        return new TransitionView(transition.action, transition.fromStatus, transition.toStatus, transition.revision, transition.actor,
                transition.organisation, transition.comment, transition.fastTracked, transition.scheduledFor, transition.at);
    }
}
