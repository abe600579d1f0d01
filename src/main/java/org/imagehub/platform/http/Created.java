package org.imagehub.platform.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.imagehub.platform.idempotency.IdempotentCreate;

/** The HTTP answer to a create, first time or replayed for a retry with the same Idempotency-Key. */
public final class Created {
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private Created() {
    }

    public static Response response(IdempotentCreate created, String etag) {
        Response.ResponseBuilder response = Response.status(created.status())
                .type(MediaType.APPLICATION_JSON)
                .entity(created.body());
        if (created.location() != null) {
            response.location(URI.create(created.location()));
        }
        if (created.replayed()) {
            response.header(REPLAYED_HEADER, "true");
        } else if (etag != null) {
            response.header(HttpHeaders.ETAG, etag);
        }
        return response.build();
    }
}
