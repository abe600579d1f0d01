package org.imagehub.social.post;

import java.util.Arrays;

/** Where a post stands: {@code draft → approved → queued → claimed → posted | failed}, and the ways out. */
public enum PostState {
    DRAFT("draft"), APPROVED("approved"), QUEUED("queued"), CLAIMED("claimed"), POSTED("posted"), FAILED("failed"),
    CANCELLED("cancelled"), TAKEDOWN_REQUESTED("takedown-requested"), TAKEN_DOWN("taken-down");

    private final String value;

    PostState(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static PostState of(String value) {
        return Arrays.stream(values()).filter(state -> state.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No post state " + value));
    }

    /** Editors may still change the words (a failed post may be fixed and approved again). */
    boolean editable() {
        return this == DRAFT || this == APPROVED || this == QUEUED || this == FAILED;
    }

    /** Not yet out: it can be stopped. */
    boolean cancellable() {
        return this == DRAFT || this == APPROVED || this == QUEUED || this == CLAIMED || this == FAILED;
    }
}
