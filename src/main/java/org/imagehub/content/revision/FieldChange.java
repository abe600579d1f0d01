package org.imagehub.content.revision;

/** One field that differs between two revisions. */
public record FieldChange(String field, Object from, Object to) {
}
