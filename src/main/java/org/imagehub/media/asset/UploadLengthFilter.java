package org.imagehub.media.asset;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import org.imagehub.media.image.ImageInspector;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.PayloadTooLargeException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * An upload that declares more bytes than the largest kind may have (plus the form's own lines) is refused before a
 * byte of it is read; one without a declared length is held to its kind's limit as it streams ({@link UploadReceiver}).
 */
public class UploadLengthFilter {
    /** Room for the multipart boundaries and part headers around the file. */
    static final long FORM_OVERHEAD = 64 * 1024;
    private static final String UPLOAD_PATH = "/api/v1/manage/media";

    private final ImageInspector inspector;

    public UploadLengthFilter(ImageInspector inspector) {
        this.inspector = inspector;
    }

    @ServerRequestFilter(preMatching = true)
    public void checkDeclaredLength(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null || !HttpMethod.POST.equals(request.getMethod()) || !isUploadPath(request.getUriInfo().getPath())) {
            return;
        }
        long declared;
        try {
            declared = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return;
        }
        long limit = inspector.largestLimit() + FORM_OVERHEAD;
        if (declared > limit) {
            throw new PayloadTooLargeException("The upload declares " + declared + " bytes; the largest file the hub takes here has "
                    + inspector.largestLimit() + " bytes.",
                    List.of(new FieldError("file", "too-large", "at most " + inspector.largestLimit() + " bytes (the largest kind)")));
        }
    }

    private static boolean isUploadPath(String path) {
        return UPLOAD_PATH.equals(path) || (UPLOAD_PATH + "/").equals(path);
    }
}
