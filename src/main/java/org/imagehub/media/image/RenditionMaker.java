package org.imagehub.media.image;

import jakarta.enterprise.context.ApplicationScoped;
import java.awt.Point;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import com.luciad.imageio.webp.WebPImageWriterSpi;
import com.luciad.imageio.webp.WebPWriteParam;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.geometry.Position;

/**
 * Makes every {@link RenditionSpec} of an image in its own format and in WebP: decoded once (subsampled while
 * reading when even the largest rendition needs less), scaled and cropped by Thumbnailator, written by ImageIO
 * (JPEG, PNG) and webp-imageio (libwebp).
 */
@ApplicationScoped
public class RenditionMaker {
    private static final float JPEG_QUALITY = 0.85f;
    private static final float WEBP_QUALITY = 0.8f;

    /** One encoded rendition. */
    public record Encoded(RenditionSpec spec, String format, String mediaType, int width, int height, byte[] bytes) {
    }

    public List<Encoded> make(InputStream original, String mediaType, double focalX, double focalY) throws IOException {
        BufferedImage source = decode(original, mediaType);
        boolean png = mediaType.equals("image/png");
        List<Encoded> out = new ArrayList<>();
        for (RenditionSpec spec : RenditionSpec.ALL) {
            BufferedImage scaled = scale(source, spec, focalX, focalY, png);
            out.add(new Encoded(spec, png ? "png" : "jpg", mediaType, scaled.getWidth(), scaled.getHeight(), png ? png(scaled) : jpeg(scaled)));
            out.add(new Encoded(spec, "webp", "image/webp", scaled.getWidth(), scaled.getHeight(), webp(scaled)));
        }
        return out;
    }

    private static BufferedImage decode(InputStream original, String mediaType) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(original)) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(mediaType);
            if (!readers.hasNext()) {
                throw new IOException("No image reader for " + mediaType);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                double needed = RenditionSpec.ALL.stream().mapToDouble(spec -> spec.scaleNeeded(width, height)).max().orElse(1);
                int subsampling = Math.max(1, (int) Math.floor(1 / needed));
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(subsampling, subsampling, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }

    private static BufferedImage scale(BufferedImage source, RenditionSpec spec, double focalX, double focalY, boolean keepAlpha)
            throws IOException {
        Thumbnails.Builder<BufferedImage> builder = Thumbnails.of(source)
                .imageType(keepAlpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        if (spec.crop()) {
            return builder.size(spec.width(), spec.height()).crop(new FocalPoint(focalX, focalY)).asBufferedImage();
        }
        if (source.getWidth() <= spec.width() && source.getHeight() <= spec.height()) {
            return builder.scale(1.0).asBufferedImage();
        }
        return builder.size(spec.width(), spec.height()).asBufferedImage();
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(JPEG_QUALITY);
        return write(writer, image, param);
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        return write(writer, image, null);
    }

    private static byte[] webp(BufferedImage image) throws IOException {
        ImageWriter writer = new WebPImageWriterSpi().createWriterInstance();
        WebPWriteParam param = new WebPWriteParam(Locale.ROOT);
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionType(param.getCompressionTypes()[WebPWriteParam.LOSSY_COMPRESSION]);
        param.setCompressionQuality(WEBP_QUALITY);
        return write(writer, image, param);
    }

    private static byte[] write(ImageWriter writer, BufferedImage image, ImageWriteParam param) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * Thumbnailator's crop position: given the window ({@code enclosing}, the rendition's size) and the scaled image
     * ({@code width × height}, covering it), where the image's top left goes. The focal point is put at the window's
     * centre, then the image is kept covering the window.
     */
    private record FocalPoint(double x, double y) implements Position {
        @Override
        public Point calculate(int enclosingWidth, int enclosingHeight, int width, int height, int insetLeft, int insetRight,
                int insetTop, int insetBottom) {
            return new Point(offset(enclosingWidth, width, x), offset(enclosingHeight, height, y));
        }

        private static int offset(int window, int image, double focus) {
            int centred = (int) Math.round(window / 2.0 - focus * image);
            return Math.max(window - image, Math.min(0, centred));
        }
    }
}
