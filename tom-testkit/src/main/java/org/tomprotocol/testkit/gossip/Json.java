package org.tomprotocol.testkit.gossip;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/** Writes one flat-or-nested JSON object, field by field. Numbers with a fraction keep 6 decimals. */
final class Json {
    private final StringBuilder out = new StringBuilder("{");

    Json field(String name, long value) {
        return raw(name, Long.toString(value));
    }

    Json field(String name, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return raw(name, "null");
        }
        return raw(name, BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString());
    }

    Json field(String name, String value) {
        return raw(name, value == null ? "null" : quote(value));
    }

    Json field(String name, Map<String, Long> values) {
        Json object = new Json();
        values.forEach(object::field);
        return raw(name, object.end());
    }

    /** A field whose value is already JSON. */
    Json raw(String name, String json) {
        if (out.length() > 1) {
            out.append(',');
        }
        out.append(quote(name)).append(':').append(json);
        return this;
    }

    static String array(List<String> jsonValues) {
        return "[" + String.join(",", jsonValues) + "]";
    }

    String end() {
        return out.append('}').toString();
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
