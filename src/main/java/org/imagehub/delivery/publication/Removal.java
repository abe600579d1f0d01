package org.imagehub.delivery.publication;

/** Why a story language left the published view: withdrawn (with the editor's reason), expired or archived. */
public record Removal(String reason, String detail) {
}
