package org.imagehub.social.network;

/** One image or video attached to a post, as the rules see it. Width and height are 0 when unknown. */
public record MediaItem(String mediaType, int width, int height, long bytes) {

    public boolean isImage() {
        return mediaType != null && mediaType.startsWith("image/");
    }

    public boolean isVideo() {
        return mediaType != null && mediaType.startsWith("video/");
    }

    /** Width / height, or null when the size is unknown. */
    public Double aspectRatio() {
        return width > 0 && height > 0 ? (double) width / height : null;
    }
}
