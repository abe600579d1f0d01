package org.imagehub.media.image;

/** What an upload really is, read from its bytes: its media type, kind, extension and pixel size (none for a document). */
public record SniffedFile(String mediaType, String kind, String extension, Integer width, Integer height) {
}
