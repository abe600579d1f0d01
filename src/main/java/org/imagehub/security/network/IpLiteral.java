package org.imagehub.security.network;

import io.netty.util.NetUtil;
import java.util.Optional;

/**
 * IP addresses read from text that may come from anyone (headers, configuration). Only literal IPv4 and IPv6
 * addresses are accepted: a host name is refused, never looked up, so a header can never make the hub query DNS.
 */
public final class IpLiteral {
    private IpLiteral() {
    }

    /** The address's bytes (4 for IPv4, including IPv4-mapped IPv6; 16 for IPv6), or empty when not a literal. */
    public static Optional<byte[]> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String literal = text.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        // Netty's parser works on the characters alone (no resolver); it answers null for anything but a literal.
        byte[] bytes = literal.isEmpty() || literal.indexOf('%') >= 0 ? null : NetUtil.createByteArrayFromIpAddressString(literal);
        return Optional.ofNullable(bytes).map(IpLiteral::unmapIpv4);
    }

    /** The canonical text of an address: dotted IPv4, or compressed lower-case IPv6. */
    public static String format(byte[] address) {
        return NetUtil.bytesToIpAddress(address);
    }

    // ::ffff:a.b.c.d is the IPv4 client a.b.c.d as a dual-stack socket reports it: one client, one form.
    private static byte[] unmapIpv4(byte[] bytes) {
        if (bytes.length != 16) {
            return bytes;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return bytes;
            }
        }
        if (bytes[10] != (byte) 0xff || bytes[11] != (byte) 0xff) {
            return bytes;
        }
        return new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
    }
}
