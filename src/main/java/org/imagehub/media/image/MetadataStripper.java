package org.imagehub.media.image;

import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.JpegIptcRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;

/**
 * Removes EXIF, XMP and IPTC (GPS positions, camera serials, names) from the original before it is stored, so no
 * delivered file carries them. JPEG: losslessly, segment by segment (Apache Commons Imaging); PNG: decoded and
 * written again, which keeps the pixels exactly and drops every ancillary chunk (eXIf, iTXt, tEXt, zTXt).
 */
@ApplicationScoped
public class MetadataStripper {

    /** Writes the stripped copy of {@code source} to a new temporary file and returns it; the caller deletes it. */
    public Path strip(Path source, SniffedFile what) {
        try {
            Path target = Files.createTempFile("media-stripped-", "." + what.extension());
            try {
                if (what.mediaType().equals("image/jpeg")) {
                    stripJpeg(source, target);
                } else {
                    BufferedImage image = ImageIO.read(source.toFile());
                    if (image == null || !ImageIO.write(image, "png", target.toFile())) {
                        throw new UnsupportedMediaException(what.mediaType(), "it cannot be decoded");
                    }
                }
                return target;
            } catch (RuntimeException | IOException e) {
                Files.deleteIfExists(target);
                throw e;
            }
        } catch (ImagingException e) {
            throw new UnsupportedMediaException(what.mediaType(), "its segments cannot be read (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Three passes through temporary files: an image is never held whole in the heap here. */
    private static void stripJpeg(Path source, Path target) throws IOException {
        Path withoutExif = Files.createTempFile("media-exif-", ".jpg");
        Path withoutXmp = Files.createTempFile("media-xmp-", ".jpg");
        try {
            rewrite(withoutExif, out -> new ExifRewriter().removeExifMetadata(source.toFile(), out));
            rewrite(withoutXmp, out -> new JpegXmpRewriter().removeXmpXml(withoutExif.toFile(), out));
            rewrite(target, out -> new JpegIptcRewriter().removeIptc(withoutXmp.toFile(), out));
        } finally {
            Files.deleteIfExists(withoutExif);
            Files.deleteIfExists(withoutXmp);
        }
    }

    private static void rewrite(Path target, Rewrite rewrite) throws IOException {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(target))) {
            rewrite.to(out);
        }
    }

    @FunctionalInterface
    private interface Rewrite {
        void to(OutputStream out) throws IOException;
    }
}
