package org.tomprotocol.transport.quic;

import java.util.Map;

/** Reads typed {@code quic.*} option values; a bad value is an error naming the key and what it must be. */
final class OptionValues {
    private OptionValues() {
    }

    /** A whole number between 1 and {@code max}, or {@code defaultValue} when absent. */
    static long positive(Map<String, String> options, String key, long defaultValue, long max, String what) {
        return between(options, key, defaultValue, 1, max, what);
    }

    /** A whole number between {@code min} and {@code max}, or {@code defaultValue} when absent. */
    static long between(Map<String, String> options, String key, long defaultValue, long min, long max, String what) {
        String text = options.get(key);
        if (text == null) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the option name
        }
        throw new IllegalArgumentException("option " + key + " must be " + what + " between " + min + " and " + max
                + ", got '" + text + "'");
    }

    /** {@code true} or {@code false}, or {@code defaultValue} when absent. */
    static boolean bool(Map<String, String> options, String key, boolean defaultValue) {
        String text = options.get(key);
        if (text == null) {
            return defaultValue;
        }
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("option " + key + " must be true or false, got '" + text
                    + "'");
        };
    }
}
