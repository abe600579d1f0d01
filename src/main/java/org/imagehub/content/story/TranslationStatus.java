package org.imagehub.content.story;

/** Where a translation came from, and whether its source has moved on since. */
public record TranslationStatus(String from, int revision, int sourceRevision, boolean outdated) {
}
