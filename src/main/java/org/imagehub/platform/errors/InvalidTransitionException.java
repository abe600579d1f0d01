package org.imagehub.platform.errors;

/** A workflow action that the item's current state does not allow (approving a draft, withdrawing a draft...). */
public class InvalidTransitionException extends ConflictException {
    public InvalidTransitionException(String detail) {
        super(detail);
    }
}
