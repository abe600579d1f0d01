package org.imagehub.security.consumer;

import io.vertx.core.http.HttpServerRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The address of the client behind a request: the peer, or — when the peer is a proxy inside the cluster (loopback
 * or private network) and trusted — the first address of X-Forwarded-For.
 */
final class ClientAddress {
    private ClientAddress() {
    }

    static String of(HttpServerRequest request, boolean trustForwardedFor) {
        String peer = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (!trustForwardedFor || forwarded == null || forwarded.isBlank() || !isInternal(peer)) {
            return peer;
        }
        String first = forwarded.split(",", 2)[0].trim();
        return first.isEmpty() ? peer : first;
    }

    private static boolean isInternal(String address) {
        if (!address.matches("[0-9a-fA-F:.]+")) {
            return false;
        }
        try {
            // A literal address: no name lookup happens.
            InetAddress parsed = InetAddress.getByName(address);
            return parsed.isLoopbackAddress() || parsed.isSiteLocalAddress() || parsed.isLinkLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
