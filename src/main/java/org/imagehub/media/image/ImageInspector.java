package org.imagehub.media.image;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.tika.Tika;
import org.imagehub.media.MediaConfig;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.PayloadTooLargeException;

/**
 * Decides what an upload is from its bytes alone (Apache Tika's magic detection: the name and the declared type are
 * never asked), and refuses what the hub does not take before anything is decoded: other types, files with
 * something appended after the image (polyglots), images over the size or pixel limit (read from the header).
 */
@ApplicationScoped
public class ImageInspector {
    /** The image types the hub stores, with the extension of their object keys. */
    static final Map<String, String> IMAGE_TYPES = Map.of("image/jpeg", "jpg", "image/png", "png");
    /** Documents: stored without renditions, served as attachments. */
    static final String PDF = "application/pdf";

    /** Text that has no business inside an image and marks a file that is also a page, a script or a document. */
    private static final List<byte[]> FOREIGN_MARKERS = List.of(bytes("<script"), bytes("<?php"), bytes("%PDF-"), bytes("<html"),
            bytes("<!DOCTYPE"));
    private static final byte[] PNG_END = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};

    private final Tika tika = new Tika();
    private final MediaConfig config;

    public ImageInspector(MediaConfig config) {
        this.config = config;
    }

    /** What the first bytes of a file are (Tika reads at most its longest magic, 64 KiB, of a file anyway). */
    public String sniff(byte[] head) {
        return tika.detect(head);
    }

    /** The largest upload of this sniffed type, in bytes; refuses (415) a type the hub does not take. */
    public long limitFor(String type) {
        requireAccepted(type);
        return PDF.equals(type) ? config.documentMaxBytes() : config.imageMaxBytes();
    }

    /** The largest upload of any kind. */
    public long largestLimit() {
        return Math.max(config.imageMaxBytes(), config.documentMaxBytes());
    }

    private static void requireAccepted(String type) {
        if (type.equals("image/svg+xml")) {
            throw new UnsupportedMediaException(type, "SVG is not accepted (it can carry scripts); upload a PNG of it");
        }
        if (!IMAGE_TYPES.containsKey(type) && !PDF.equals(type)) {
            throw new UnsupportedMediaException(type, "accepted are " + PDF + ", " + String.join(", ", IMAGE_TYPES.keySet().stream().sorted().toList()));
        }
    }

    public SniffedFile inspect(Path file, long size) {
        String type = sniff(file);
        requireAccepted(type);
        if (PDF.equals(type)) {
            if (size > config.documentMaxBytes()) {
                throw new PayloadTooLargeException("The document has " + size + " bytes; documents may have at most " + config.documentMaxBytes() + ".",
                        List.of(new FieldError("file", "too-large", "at most " + config.documentMaxBytes() + " bytes for a document")));
            }
            return new SniffedFile(type, "document", "pdf", null, null);
        }
        String extension = IMAGE_TYPES.get(type);
        if (size > config.imageMaxBytes()) {
            throw new PayloadTooLargeException("The image has " + size + " bytes; images may have at most " + config.imageMaxBytes() + ".",
                    List.of(new FieldError("file", "too-large", "at most " + config.imageMaxBytes() + " bytes for an image")));
        }
        requireNothingAppended(file, type, size);
        int[] dimensions = dimensions(file, type);
        long pixels = (long) dimensions[0] * dimensions[1];
        if (pixels > config.maxPixels()) {
            throw new PayloadTooLargeException("The image is " + dimensions[0] + " × " + dimensions[1] + " pixels; at most "
                    + config.maxPixels() + " pixels are decoded.",
                    List.of(new FieldError("file", "too-many-pixels", "at most " + config.maxPixels() + " pixels (width × height)")));
        }
        return new SniffedFile(type, "image", extension, dimensions[0], dimensions[1]);
    }

    private String sniff(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return tika.detect(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Width and height from the header, before any pixel is decoded. */
    private static int[] dimensions(Path file, String type) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
            if (!readers.hasNext()) {
                throw new UnsupportedMediaException(type, "no reader for it");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnsupportedMediaException unsupported) {
                throw unsupported;
            }
            throw new UnsupportedMediaException(type, "its header cannot be read (" + e.getMessage() + ")");
        }
    }

    /** A JPEG ends with its EOI marker and a PNG with its IEND chunk: anything after them is another file riding along. */
    private static void requireNothingAppended(Path file, String type, long size) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            byte[] tail = new byte[(int) Math.min(size, PNG_END.length)];
            in.seek(size - tail.length);
            in.readFully(tail);
            boolean ends = type.equals("image/png") ? java.util.Arrays.equals(tail, PNG_END)
                    : tail.length >= 2 && (tail[tail.length - 2] & 0xff) == 0xFF && (tail[tail.length - 1] & 0xff) == 0xD9;
            if (!ends) {
                throw new UnsupportedMediaException(type, "data follows the end of the image (a polyglot file)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Run on the stripped file: metadata (an XMP packet is XML) is gone, so markup left is something else riding along. */
    public void requireNoForeignContent(Path file, String type) {
        if (containsForeignMarker(file)) {
            throw new UnsupportedMediaException(type, "it also holds markup, a script or a document (a polyglot file)");
        }
    }

    private static boolean containsForeignMarker(Path file) {
        byte[] buffer = new byte[1 << 16];
        int overlap = 16;
        try (InputStream in = Files.newInputStream(file)) {
            int kept = 0;
            int n;
            while ((n = in.read(buffer, kept, buffer.length - kept)) > 0) {
                int end = kept + n;
                for (byte[] marker : FOREIGN_MARKERS) {
                    if (indexOfIgnoreCase(buffer, end, marker) >= 0) {
                        return true;
                    }
                }
                kept = Math.min(overlap, end);
                System.arraycopy(buffer, end - kept, buffer, 0, kept);
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOfIgnoreCase(byte[] data, int length, byte[] marker) {
        outer:
        for (int i = 0; i <= length - marker.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (Character.toLowerCase((char) (data[i + j] & 0xff)) != Character.toLowerCase((char) marker[j])) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
