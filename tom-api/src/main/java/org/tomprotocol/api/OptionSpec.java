package org.tomprotocol.api;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One option a provider (or the engine) understands, as given with {@code NodeBuilder.option(key, value)} or
 * {@code tom node --option key=value}: its key, the type of its value, its default and what it does. A node
 * refuses to start with a key no provider found declares (naming the key and the valid ones) or a value that
 * is not of the declared type; the provider still checks ranges and consistency itself.
 *
 * @param key          lower-case words separated by dots and hyphens, the provider's prefix first, e.g.
 *                     {@code quic.idle-timeout-ms}
 * @param type         what the value must be
 * @param defaultValue the value used when the option is not given, as text ({@code ""}: none)
 * @param description  what the option does, one sentence
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record OptionSpec(String key, Type type, String defaultValue, String description) {
    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(\\.[a-z0-9]+(-[a-z0-9]+)*)+");

    /** The type of an option's value. */
    public enum Type {
        /** Any text. */
        TEXT("text"),
        /** A whole number. */
        INTEGER("a whole number"),
        /** A non-negative whole number of milliseconds. */
        MILLISECONDS("a number of milliseconds"),
        /** A non-negative whole number of bytes. */
        BYTES("a number of bytes"),
        /** {@code true} or {@code false}. */
        BOOLEAN("true or false");

        private final String what;

        Type(String what) {
            this.what = what;
        }

        /** What a value of this type is, for messages: e.g. {@code a number of milliseconds}. */
        public String what() {
            return what;
        }
    }

    public OptionSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("option key '" + key + "' must be lower-case words separated by "
                    + "dots and hyphens, with a prefix, e.g. quic.idle-timeout-ms");
        }
        if (!defaultValue.isEmpty() && problemWith(key, type, defaultValue).isPresent()) {
            throw new IllegalArgumentException("default '" + defaultValue + "' of option " + key + " is not "
                    + type.what());
        }
    }

    /** Why {@code value} is not acceptable for this option, naming the key; empty when it is. */
    public Optional<String> problemWith(String value) {
        return problemWith(key, type, value);
    }

    private static Optional<String> problemWith(String key, Type type, String value) {
        String text = value.strip();
        boolean ok = switch (type) {
            case TEXT -> true;
            case BOOLEAN -> text.equals("true") || text.equals("false");
            case INTEGER -> parses(text, Long.MIN_VALUE);
            case MILLISECONDS, BYTES -> parses(text, 0);
        };
        return ok ? Optional.empty() : Optional.of("option " + key + "='" + value + "' is not " + type.what());
    }

    private static boolean parses(String text, long min) {
        try {
            return Long.parseLong(text) >= min;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
