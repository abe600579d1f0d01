package org.imagehub.platform.http;

import java.util.Locale;

/** Reads an {@code Accept-Encoding} header (RFC 9110 §12.5.3) for the one question the hub asks it: may it send gzip? */
public final class AcceptEncoding {
    private AcceptEncoding() {
    }

    /**
     * Whether gzip is acceptable: named ({@code gzip} or its alias {@code x-gzip}) or covered by {@code *}, with a
     * weight above 0. An explicit {@code gzip;q=0} refuses it even when {@code *} would allow it; no header, or an
     * empty one, asks for the content as it is.
     */
    public static boolean allowsGzip(String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        Boolean named = null;
        boolean wildcard = false;
        for (String member : header.split(",")) {
            int semicolon = member.indexOf(';');
            String coding = (semicolon < 0 ? member : member.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
            boolean acceptable = semicolon < 0 || weightAboveZero(member.substring(semicolon + 1));
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                named = named == null ? acceptable : named || acceptable;
            } else if (coding.equals("*")) {
                wildcard = acceptable;
            }
        }
        return named != null ? named : wildcard;
    }

    /** The parameters after a coding: {@code q=0}, {@code q=0.0}, … refuse it; a malformed weight does not count as a refusal. */
    private static boolean weightAboveZero(String parameters) {
        for (String parameter : parameters.split(";")) {
            String[] nameAndValue = parameter.split("=", 2);
            if (nameAndValue.length == 2 && nameAndValue[0].trim().equalsIgnoreCase("q")) {
                return !isZero(nameAndValue[1].trim());
            }
        }
        return true;
    }

    /** "0", "0.", "0.0", "0.00" or "0.000": the qvalue grammar's zero. */
    private static boolean isZero(String weight) {
        if (weight.isEmpty() || weight.charAt(0) != '0' || weight.length() > 5) {
            return false;
        }
        if (weight.length() == 1) {
            return true;
        }
        if (weight.charAt(1) != '.') {
            return false;
        }
        for (int i = 2; i < weight.length(); i++) {
            if (weight.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }
}
