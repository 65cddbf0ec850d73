package org.tomprotocol.api;

import java.util.List;
import java.util.Objects;

/**
 * A node and the addresses it may be reached at, written {@code NODEID@ADDRESS} on command lines, e.g.
 * {@code 3b6a…e1@127.0.0.1:7400}.
 *
 * @param id        the node
 * @param addresses where to reach it; may be empty when only discovery can find it
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record PeerAddress(NodeId id, List<TransportAddress> addresses) {
    public PeerAddress {
        Objects.requireNonNull(id, "id");
        addresses = List.copyOf(addresses);
    }

    /** A node at one address. */
    public static PeerAddress of(NodeId id, TransportAddress address) {
        return new PeerAddress(id, List.of(address));
    }

    /**
     * Parses {@code NODEID@ADDRESS}.
     *
     * @throws IllegalArgumentException naming the part that is wrong
     */
    public static PeerAddress parse(String text) {
        Objects.requireNonNull(text, "peer address");
        int at = text.indexOf('@');
        if (at <= 0 || at == text.length() - 1) {
            throw new IllegalArgumentException("peer address '" + text
                    + "' must be NODEID@HOST:PORT, e.g. 3b6a…e1@127.0.0.1:7400");
        }
        return of(NodeId.parse(text.substring(0, at)), TransportAddress.parse(text.substring(at + 1)));
    }

    @Override
    public String toString() {
        return addresses.isEmpty() ? id.toHex() : id.toHex() + "@" + addresses.get(0);
    }
}
