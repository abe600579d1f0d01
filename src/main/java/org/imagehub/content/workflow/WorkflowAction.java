package org.imagehub.content.workflow;

import java.util.Locale;

/** What an editor can do to a localization; {@code EDIT} is a content save, the others are transitions. */
public enum WorkflowAction {
    EDIT, SUBMIT, RETURN, APPROVE, PUBLISH, SCHEDULE, UNSCHEDULE, WITHDRAW, ARCHIVE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The transition named in a request; EDIT is not one (it happens by saving content). */
    public static WorkflowAction transition(String code) {
        for (WorkflowAction action : values()) {
            if (action != EDIT && action.code().equals(code)) {
                return action;
            }
        }
        return null;
    }
}
