package org.imagehub.testing;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/** Images drawn in the test: every run uploads new bytes (a seed in the pixels), so dedupe never meets another test's file. */
public final class TestImages {
    private TestImages() {
    }

    public static byte[] jpeg(int width, int height) {
        return encode(draw(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    public static byte[] png(int width, int height) {
        return encode(draw(width, height, BufferedImage.TYPE_INT_ARGB), "png");
    }

    /** A JPEG whose EXIF holds a GPS position (Hà Nội), written with Apache Commons Imaging. */
    public static byte[] jpegWithGps(int width, int height) {
        try {
            TiffOutputSet exif = new TiffOutputSet();
            exif.setGpsInDegrees(105.8342, 21.0278);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new ExifRewriter().updateExifMetadataLossless(jpeg(width, height), out, exif);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A JPEG as a phone held upright stores it: the pixels lying on their side (left half red, right half blue) and
     * EXIF orientation 6, "turn 90° clockwise to show" — shown right, red is on top.
     */
    public static byte[] jpegStoredSideways(int storedWidth, int storedHeight) {
        BufferedImage image = new BufferedImage(storedWidth, storedHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, storedWidth / 2, storedHeight);
        g.setColor(Color.BLUE);
        g.fillRect(storedWidth / 2, 0, storedWidth - storedWidth / 2, storedHeight);
        g.dispose();
        try {
            TiffOutputSet exif = new TiffOutputSet();
            exif.getOrCreateRootDirectory().add(org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants.TIFF_TAG_ORIENTATION, (short) 6);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new ExifRewriter().updateExifMetadataLossless(encode(image, "jpeg"), out, exif);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the file carries any EXIF GPS information. */
    public static boolean hasGps(byte[] file) {
        try {
            ImageMetadata metadata = Imaging.getMetadata(file);
            return metadata instanceof JpegImageMetadata jpeg && jpeg.getExif() != null && jpeg.getExif().getGpsInfo() != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean hasExif(byte[] file) {
        try {
            ImageMetadata metadata = Imaging.getMetadata(file);
            return metadata instanceof JpegImageMetadata jpeg && jpeg.getExif() != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A well-formed PNG signature and IHDR claiming {@code width × height}, and nothing else: a decompression bomb's header. */
    public static byte[] pngHeaderClaiming(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteBuffer file = ByteBuffer.allocate(8 + 25 + 12);
        file.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(file, "IHDR", ihdr.array());
        chunk(file, "IEND", new byte[0]);
        return file.array();
    }

    /** A one-page PDF (uncompressed) whose document info and XMP name an author, and which runs a script when opened. */
    public static byte[] pdfWithAuthorAndScript(String author) {
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            document.getDocumentInformation().setAuthor(author);
            document.getDocumentInformation().setCreator("Scanner of " + author);
            org.apache.pdfbox.pdmodel.common.PDMetadata xmp = new org.apache.pdfbox.pdmodel.common.PDMetadata(document);
            xmp.importXMPMetadata(("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                    + "<rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>" + author
                    + "</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>").getBytes(StandardCharsets.UTF_8));
            document.getDocumentCatalog().setMetadata(xmp);
            document.getDocumentCatalog().setOpenAction(new org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript("app.alert('hi')"));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            document.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] svgWithScript() {
        return ("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
                + "<script>alert(document.cookie)</script><rect width=\"10\" height=\"10\"/></svg>\n").getBytes(StandardCharsets.UTF_8);
    }

    /** JPEG magic followed by {@code size} bytes: sniffed as a JPEG, refused for its size before anything else. */
    public static byte[] jpegSized(int size) {
        byte[] file = new byte[size];
        byte[] start = jpeg(16, 16);
        System.arraycopy(start, 0, file, 0, start.length);
        return file;
    }

    private static void chunk(ByteBuffer file, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        file.putInt(data.length).put(name).put(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        file.putInt((int) crc.getValue());
    }

    private static BufferedImage draw(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        java.util.Random random = new java.util.Random(System.nanoTime());
        g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(0xffffff)), width, height, new Color(random.nextInt(0xffffff))));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(random.nextInt(0xffffff)));
        g.fillOval(width / 3, height / 3, width / 3, height / 3);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
