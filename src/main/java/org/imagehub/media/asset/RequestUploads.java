package org.imagehub.media.asset;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import org.imagehub.security.Actor;

/**
 * One upload request, start to end, for the API and the console alike: the body streamed to a temporary file and
 * sniffed, the file stored as an asset, the temporary file deleted. The rest of a body refused midway is never read:
 * the connection closes once the answer is out.
 */
@ApplicationScoped
public class RequestUploads {
    private final UploadReceiver receiver;
    private final MediaUploads uploads;

    public RequestUploads(UploadReceiver receiver, MediaUploads uploads) {
        this.receiver = receiver;
        this.uploads = uploads;
    }

    public MediaUploads.Uploaded upload(InputStream body, String contentType, RoutingContext routing, Actor actor) {
        UploadReceiver.Received received = receiver.receive(body, contentType,
                () -> routing.addEndHandler(ended -> routing.request().connection().close()));
        try {
            return uploads.upload(received.file(), received.filename(), actor);
        } finally {
            UploadReceiver.deleteQuietly(received.file());
        }
    }
}
