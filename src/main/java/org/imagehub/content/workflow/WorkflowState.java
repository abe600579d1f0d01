package org.imagehub.content.workflow;

/** Where a localization is in the editorial workflow; {@link #code()} is how it is stored and served. */
public enum WorkflowState {
    DRAFT("draft"), IN_REVIEW("in_review"), APPROVED("approved"), SCHEDULED("scheduled"), PUBLISHED("published"),
    WITHDRAWN("withdrawn"), ARCHIVED("archived");

    private final String code;

    WorkflowState(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static WorkflowState of(String code) {
        for (WorkflowState state : values()) {
            if (state.code.equals(code)) {
                return state;
            }
        }
        throw new IllegalStateException("Unknown workflow state stored: " + code);
    }
}
