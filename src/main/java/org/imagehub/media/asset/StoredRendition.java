package org.imagehub.media.asset;

/** A rendition as stored on the asset row: where it is and what it is. Its file name carries its content hash. */
public record StoredRendition(String name, String format, String mediaType, int width, int height, long bytes, String sha256, String key) {
    public String file() {
        return name + "-" + sha256.substring(0, 16) + "." + format;
    }
}
