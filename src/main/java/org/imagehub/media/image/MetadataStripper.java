package org.imagehub.media.image;

import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import net.coobird.thumbnailator.Thumbnails;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.tiff.TiffField;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.JpegIptcRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;

/**
 * Removes EXIF, XMP and IPTC (GPS positions, camera serials, names) from the original before it is stored, so no
 * delivered file carries them. JPEG: losslessly, segment by segment (Apache Commons Imaging); PNG: decoded and
 * written again, which keeps the pixels exactly and drops every ancillary chunk (eXIf, iTXt, tEXt, zTXt).
 * A JPEG whose EXIF orientation says "turn me" (a phone held upright) is turned first — the tag goes with the EXIF, and
 * the picture must not come out sideways — by Thumbnailator, which applies the tag, and encoded again (lossy, q0.92).
 */
@ApplicationScoped
public class MetadataStripper {

    /** The stripped copy, and what it is (a turned picture's width and height are swapped). */
    public record Stripped(Path file, SniffedFile what) {
    }

    /** Writes the stripped copy of {@code source} to a new temporary file; the caller deletes it. */
    public Stripped strip(Path source, SniffedFile what) {
        try {
            Path target = Files.createTempFile("media-stripped-", "." + what.extension());
            try {
                if ("document".equals(what.kind())) {
                    PdfCleaner.clean(source, target);
                    return new Stripped(target, what);
                }
                if (what.mediaType().equals("image/jpeg")) {
                    int orientation = orientation(source);
                    if (orientation > 1 && orientation <= 8) {
                        turn(source, target);
                        // EXIF orientations 5–8 are quarter turns: the displayed picture is as wide as the stored one is tall.
                        return new Stripped(target, orientation >= 5
                                ? new SniffedFile(what.mediaType(), what.kind(), what.extension(), what.height(), what.width()) : what);
                    }
                    stripJpeg(source, target);
                } else {
                    BufferedImage image = ImageIO.read(source.toFile());
                    if (image == null || !ImageIO.write(image, "png", target.toFile())) {
                        throw new UnsupportedMediaException(what.mediaType(), "it cannot be decoded");
                    }
                }
                return new Stripped(target, what);
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

    /** The EXIF orientation tag (1 = as stored), 1 when there is none. */
    private static int orientation(Path jpeg) throws IOException {
        ImageMetadata metadata = Imaging.getMetadata(jpeg.toFile());
        if (metadata instanceof JpegImageMetadata exif) {
            TiffField field = exif.findExifValueWithExactMatch(TiffTagConstants.TIFF_TAG_ORIENTATION);
            if (field != null) {
                return field.getIntValue();
            }
        }
        return 1;
    }

    /** Decoded, turned as the tag says and encoded again; a fresh encoding carries no EXIF, XMP or IPTC. */
    private static void turn(Path source, Path target) throws IOException {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(target))) {
            Thumbnails.of(source.toFile()).scale(1.0).useExifOrientation(true).outputFormat("jpg").outputQuality(0.92f).toOutputStream(out);
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
