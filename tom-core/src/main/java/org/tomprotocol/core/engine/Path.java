package org.tomprotocol.core.engine;

import java.util.List;

import org.tomprotocol.api.NodeId;

/**
 * A route for one transmission: the relays to name in {@code via}, in order (empty for a direct send).
 *
 * @param relays the relays, first hop first
 */
public record Path(List<NodeId> relays) {
    /** Straight to the recipient. */
    public static final Path DIRECT = new Path(List.of());

    public Path {
        relays = List.copyOf(relays);
    }

    public static Path via(NodeId relay) {
        return new Path(List.of(relay));
    }

    public boolean isDirect() {
        return relays.isEmpty();
    }

    /** The first relay, or {@code null} when direct. */
    public NodeId firstRelay() {
        return relays.isEmpty() ? null : relays.get(0);
    }
}
