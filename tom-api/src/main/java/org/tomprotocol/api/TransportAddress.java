package org.tomprotocol.api;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a transport can reach a node, e.g. {@code quic:203.0.113.5:7400} or {@code mem:alice}. The part
 * before the first colon names the transport scheme; the rest is the transport's own address syntax.
 *
 * @param scheme  the transport scheme, lowercase ({@code quic}, {@code mem}, …)
 * @param address the transport-specific address
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record TransportAddress(String scheme, String address) {
    /** The scheme assumed for an address written without one: ToM's default transport, QUIC over UDP. */
    public static final String DEFAULT_SCHEME = "quic";

    public TransportAddress {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(address, "address");
        if (scheme.isEmpty() || !scheme.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
            throw new IllegalArgumentException("transport scheme '" + scheme + "' must be lowercase letters or digits");
        }
        if (address.isBlank()) {
            throw new IllegalArgumentException("transport address for scheme '" + scheme + "' is empty");
        }
    }

    /**
     * Parses {@code scheme:address}; text with no scheme, such as {@code 127.0.0.1:7400} or
     * {@code [::1]:7400}, is a {@link #DEFAULT_SCHEME} address.
     */
    public static TransportAddress parse(String text) {
        Objects.requireNonNull(text, "address");
        String trimmed = text.strip();
        int colon = trimmed.indexOf(':');
        if (colon > 0) {
            String head = trimmed.substring(0, colon).toLowerCase(Locale.ROOT);
            boolean looksLikeScheme = head.chars().allMatch(Character::isLetter) && !isHostPort(trimmed);
            if (looksLikeScheme) {
                String rest = trimmed.substring(colon + 1);
                if (rest.startsWith("//")) {
                    rest = rest.substring(2);
                }
                return new TransportAddress(head, rest);
            }
        }
        return new TransportAddress(DEFAULT_SCHEME, trimmed);
    }

    private static boolean isHostPort(String text) {
        int colon = text.lastIndexOf(':');
        return colon > 0 && colon == text.indexOf(':') && text.substring(colon + 1).chars().allMatch(Character::isDigit)
                && colon < text.length() - 1;
    }

    @Override
    public String toString() {
        return scheme + ":" + address;
    }
}
