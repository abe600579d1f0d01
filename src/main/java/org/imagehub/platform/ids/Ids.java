package org.imagehub.platform.ids;

import java.security.SecureRandom;

/**
 * Opaque ids: 48 bits of milliseconds then 80 random bits, in 26 lowercase Crockford base-32 characters.
 * Time-ordered, so new rows land at the end of the primary-key index instead of all over it.
 */
public final class Ids {
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String newId() {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long time = System.currentTimeMillis();
        char[] out = new char[26];
        // 10 characters of time (50 bits, the top 2 always zero), then 16 characters of randomness (80 bits).
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        long high = 0;
        for (int i = 0; i < 5; i++) {
            high = (high << 8) | (random[i] & 0xff);
        }
        long low = 0;
        for (int i = 5; i < 10; i++) {
            low = (low << 8) | (random[i] & 0xff);
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = ALPHABET[(int) (high & 31)];
            high >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = ALPHABET[(int) (low & 31)];
            low >>>= 5;
        }
        return new String(out);
    }

    public static boolean looksValid(String id) {
        if (id == null || id.length() != 26) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (java.util.Arrays.binarySearch(ALPHABET, id.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
