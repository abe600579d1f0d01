package org.imagehub.security.consumer;

import io.vertx.core.http.HttpServerRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The address of the client behind a request: the peer, or — when the peer is a proxy inside the cluster (loopback
 * or private network) and trusted — the nearest address in X-Forwarded-For that is not such a proxy. Proxies append
 * to the header, so its left part is whatever the client wrote and is never believed over the right part.
 */
final class ClientAddress {
    private ClientAddress() {
    }

    static String of(HttpServerRequest request, boolean trustForwardedFor) {
        return of(request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress(), request.getHeader("X-Forwarded-For"),
                trustForwardedFor);
    }

    static String of(String peer, String forwarded, boolean trustForwardedFor) {
        if (!trustForwardedFor || forwarded == null || forwarded.isBlank() || !isInternal(peer)) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !isInternal(hop)) {
                return hop;
            }
        }
        return peer;
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
