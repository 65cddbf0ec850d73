package org.tomprotocol.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A peer's liveness changed.
 *
 * @param peer  the peer
 * @param state its new state
 * @param at    when this node noticed
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record PeerEvent(NodeId peer, PeerState state, Instant at) implements NodeEvent {
    public PeerEvent {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
    }
}
