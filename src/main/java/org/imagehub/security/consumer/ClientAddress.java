package org.imagehub.security.consumer;

import io.vertx.core.http.HttpServerRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.imagehub.security.network.Cidr;
import org.imagehub.security.network.IpLiteral;

/**
 * The client behind a request, as failed-key limits count it. That is the peer, unless the peer is one of the
 * configured trusted proxies: then X-Forwarded-For is walked from the right (proxies append what they saw), each
 * trusted proxy skipped, and the first address that is not a trusted proxy is the client. Anything left of it was
 * written by the client and is never believed. A hop that is not a literal IP ends the walk at the last proxy.
 * IPv6 clients are counted per /64, the block one subscriber usually holds, so rotating addresses inside it gains
 * nothing.
 */
final class ClientAddress {
    static final String UNKNOWN = "unknown";

    private ClientAddress() {
    }

    /** A request's client address, worked out on first use and then kept. */
    static final class Lazy implements Supplier<String> {
        private final HttpServerRequest request;
        private final List<Cidr> trustedProxies;
        private String address;

        Lazy(HttpServerRequest request, List<Cidr> trustedProxies) {
            this.request = request;
            this.trustedProxies = trustedProxies;
        }

        @Override
        public String get() {
            if (address == null) {
                address = of(request, trustedProxies);
            }
            return address;
        }
    }

    static String of(HttpServerRequest request, List<Cidr> trustedProxies) {
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return of(peer, request.headers().getAll("X-Forwarded-For"), trustedProxies);
    }

    /** {@code forwardedFor}: every X-Forwarded-For header in arrival order (several headers read as one list). */
    static String of(String peer, List<String> forwardedFor, List<Cidr> trustedProxies) {
        Optional<byte[]> parsedPeer = IpLiteral.parse(peer);
        if (parsedPeer.isEmpty()) {
            return UNKNOWN;
        }
        byte[] client = parsedPeer.get();
        List<String> hops = forwardedFor.stream().flatMap(header -> Arrays.stream(header.split(","))).toList();
        for (int i = hops.size() - 1; i >= 0 && trusted(client, trustedProxies); i--) {
            Optional<byte[]> hop = IpLiteral.parse(hops.get(i));
            if (hop.isEmpty()) {
                break;
            }
            client = hop.get();
        }
        return limitKey(client);
    }

    private static boolean trusted(byte[] address, List<Cidr> trustedProxies) {
        return trustedProxies.stream().anyMatch(proxy -> proxy.contains(address));
    }

    private static String limitKey(byte[] address) {
        if (address.length == 4) {
            return IpLiteral.format(address);
        }
        byte[] prefix = Arrays.copyOf(Arrays.copyOf(address, 8), 16);
        return IpLiteral.format(prefix) + "/64";
    }
}
