package org.imagehub.media.image;

import java.util.List;

/**
 * One size the hub makes of every image: fitted into a box (keeping the whole picture, never enlarged) or cropped
 * to exactly {@code width × height} around the focal point (the social sizes and the square thumbnail).
 */
public record RenditionSpec(String name, int width, int height, boolean crop) {
    public static final List<RenditionSpec> ALL = List.of(
            new RenditionSpec("thumbnail", 320, 320, true),
            new RenditionSpec("medium", 800, 800, false),
            new RenditionSpec("large", 1600, 1600, false),
            new RenditionSpec("social-landscape", 1200, 630, true),
            new RenditionSpec("social-square", 1080, 1080, true),
            new RenditionSpec("social-story", 1080, 1920, true));

    /** The share of the source's size this rendition needs: the most a source may be shrunk while decoding. */
    double scaleNeeded(int sourceWidth, int sourceHeight) {
        double x = (double) width / sourceWidth;
        double y = (double) height / sourceHeight;
        return crop ? Math.max(x, y) : Math.min(1.0, Math.min(x, y));
    }
}
