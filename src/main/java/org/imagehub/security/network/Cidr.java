package org.imagehub.security.network;

import java.util.Arrays;

/**
 * An IPv4 or IPv6 network in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}); a bare address is a network of
 * one. Read by configuration through {@link #valueOf(String)}, so a malformed entry stops the hub at start.
 */
public final class Cidr {
    private final byte[] network;
    private final int prefixLength;

    private Cidr(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    public static Cidr valueOf(String text) {
        String trimmed = text == null ? "" : text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] bytes = IpLiteral.parse(address)
                .orElseThrow(() -> new IllegalArgumentException("Not an IP network in CIDR notation: '" + text + "'"));
        int bits = bytes.length * 8;
        int prefix = slash < 0 ? bits : prefixLength(trimmed.substring(slash + 1), bits, text);
        return new Cidr(mask(bytes, prefix), prefix);
    }

    /** Whether the address (as {@link IpLiteral#parse} gives it) is in this network; IPv4 never matches IPv6. */
    public boolean contains(byte[] address) {
        return address.length == network.length && Arrays.equals(mask(address, prefixLength), network);
    }

    @Override
    public String toString() {
        return IpLiteral.format(network) + "/" + prefixLength;
    }

    private static int prefixLength(String text, int bits, String original) {
        if (!text.matches("\\d{1,3}") || Integer.parseInt(text) > bits) {
            throw new IllegalArgumentException("Bad prefix length in '" + original + "': 0 to " + bits + " expected");
        }
        return Integer.parseInt(text);
    }

    static byte[] mask(byte[] address, int prefixLength) {
        byte[] masked = address.clone();
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.max(0, Math.min(8, prefixLength - i * 8));
            masked[i] &= (byte) (0xff00 >> keep);
        }
        return masked;
    }
}
