package org.imagehub.media.asset;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.RequestContext;
import org.imagehub.media.image.ImageInspector;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.PayloadTooLargeException;
import org.imagehub.platform.errors.ValidationException;
import org.jboss.logging.Logger;

/**
 * Receives the multipart body of an upload as it streams in (Commons FileUpload's streaming parser over the request
 * body), so the per-kind limit stops it while it arrives: the first 64 KiB of the part {@code file} are sniffed, which
 * gives the kind and its limit (or a 415 for a type the hub does not take), and the part is refused (413) as soon as
 * more bytes than that arrive. Quarkus' own multipart handling would write the whole part to disk first.
 */
@ApplicationScoped
public class UploadReceiver {
    /** Temporary files of uploads being received start with this (tests look for leftovers). */
    public static final String TEMP_PREFIX = "hub-upload-";
    private static final Logger LOG = Logger.getLogger(UploadReceiver.class);
    private static final int HEAD = 64 * 1024;

    private final ImageInspector inspector;

    public UploadReceiver(ImageInspector inspector) {
        this.inspector = inspector;
    }

    /** The part {@code file} on disk (the caller deletes it) and the name the client gave it. */
    public record Received(Path file, String filename) {
    }

    /**
     * Reads {@code body} up to the end of its part {@code file}. {@code onRefusedMidway} runs when the part is refused
     * before its end, so the caller can close the connection instead of reading the rest.
     */
    public Received receive(InputStream body, String contentType, Runnable onRefusedMidway) {
        try {
            FileItemInputIterator parts = new StreamingParser().getItemIterator(new Body(body, contentType));
            while (parts.hasNext()) {
                FileItemInput part = parts.next();
                if ("file".equals(part.getFieldName())) {
                    Path file = store(part.getInputStream(), part.getName(), part.getContentType(), onRefusedMidway);
                    return new Received(file, part.getName());
                }
            }
        } catch (FileUploadException e) {
            throw malformed(e);
        } catch (IOException e) {
            if (e.getCause() instanceof RuntimeException refused) {
                throw refused;
            }
            throw malformed(e);
        }
        throw new ValidationException("The form has no file.", List.of(new FieldError("file", "required", "one part named file")));
    }

    private Path store(InputStream part, String name, String declaredType, Runnable onRefusedMidway) throws IOException {
        Path file = Files.createTempFile(TEMP_PREFIX, ".part");
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] head = part.readNBytes(HEAD);
            if (head.length == 0) {
                return file;
            }
            long limit;
            try {
                String type = inspector.sniff(head);
                limit = inspector.limitFor(type);
                requireNotDisguised(type, name, declaredType);
            } catch (RuntimeException refused) {
                onRefusedMidway.run();
                throw refused;
            }
            long received = head.length;
            requireWithin(received, limit, onRefusedMidway);
            out.write(head);
            byte[] buffer = new byte[HEAD];
            for (int n = part.read(buffer); n != -1; n = part.read(buffer)) {
                received += n;
                requireWithin(received, limit, onRefusedMidway);
                out.write(buffer, 0, n);
            }
            return file;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    /**
     * The client's name and type never decide what a file is, but a document sent as an image (a {@code .jpg} that is a
     * PDF) is a disguise, not a mistake: refused rather than stored as something the sender did not say.
     */
    private static void requireNotDisguised(String type, String name, String declaredType) {
        if (!type.startsWith("image/")) {
            String lowerName = name == null ? "" : name.toLowerCase(java.util.Locale.ROOT);
            boolean namedImage = java.util.List.of(".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg").stream().anyMatch(lowerName::endsWith);
            boolean declaredImage = declaredType != null && declaredType.toLowerCase(java.util.Locale.ROOT).startsWith("image/");
            if (namedImage || declaredImage) {
                throw new org.imagehub.media.image.UnsupportedMediaException(type, "it was sent as an image (by its name or declared type)");
            }
        }
    }

    private static void requireWithin(long received, long limit, Runnable onRefusedMidway) {
        if (received > limit) {
            onRefusedMidway.run();
            throw new PayloadTooLargeException("The file is over the limit of " + limit + " bytes for its kind; it was refused after "
                    + received + " bytes, and nothing was stored.",
                    List.of(new FieldError("file", "too-large", "at most " + limit + " bytes for this kind of file")));
        }
    }

    private static ValidationException malformed(IOException e) {
        return new ValidationException("The multipart body cannot be read: " + e.getMessage(),
                List.of(new FieldError("body", "malformed", "a multipart/form-data body with a part named file")));
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debugf("Temporary file %s not deleted: %s", file, e.getMessage());
        }
    }

    /** The request body as Commons FileUpload sees a request. */
    private record Body(InputStream in, String contentType) implements RequestContext {
        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }

        @Override
        public long getContentLength() {
            return -1;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public InputStream getInputStream() {
            return in;
        }

        @Override
        public boolean isMultipartRelated() {
            return false;
        }
    }

    /** Only the streaming iterator is used: nothing is collected into items, nothing is held in memory. */
    private static final class StreamingParser extends AbstractFileUpload<Body, DiskFileItem, DiskFileItemFactory> {
        StreamingParser() {
            setHeaderCharset(StandardCharsets.UTF_8);
        }

        @Override
        public FileItemInputIterator getItemIterator(Body body) throws FileUploadException, IOException {
            return getItemIterator((RequestContext) body);
        }

        @Override
        public Map<String, List<DiskFileItem>> parseParameterMap(Body body) {
            throw new UnsupportedOperationException("uploads are streamed");
        }

        @Override
        public List<DiskFileItem> parseRequest(Body body) {
            throw new UnsupportedOperationException("uploads are streamed");
        }
    }
}
