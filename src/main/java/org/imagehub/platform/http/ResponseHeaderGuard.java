package org.imagehub.platform.http;

import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Drops any response header whose name or value holds a line break or another control character. The HTTP codec's
 * own header validation is off (see {@code app/HubMain}) so that {@link RequestEdge} can answer a bad request
 * header with problem+json; this puts back, for the answer, the guard against response splitting it gave.
 */
final class ResponseHeaderGuard {
    private static final Logger LOG = Logger.getLogger(ResponseHeaderGuard.class);

    private ResponseHeaderGuard() {
    }

    static void dropUnsafe(MultiMap headers) {
        List<String> unsafe = null;
        for (Map.Entry<String, String> header : headers) {
            if (RequestEdge.hasControlCharacter(header.getKey()) || RequestEdge.hasControlCharacter(header.getValue())) {
                if (unsafe == null) {
                    unsafe = new ArrayList<>(1);
                }
                unsafe.add(header.getKey());
            }
        }
        if (unsafe != null) {
            unsafe.forEach(headers::remove);
            LOG.errorf("Dropped %d response header(s) holding a control character", unsafe.size());
        }
    }
}
