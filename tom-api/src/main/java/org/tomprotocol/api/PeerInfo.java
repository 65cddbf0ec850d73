package org.tomprotocol.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A snapshot of what this node knows about a peer.
 *
 * @param id            the peer
 * @param name          the display name it announces; empty if none is known
 * @param state         its liveness
 * @param lastSeen      when something verified was last heard from it
 * @param addresses     where transports may reach it
 * @param directSession whether a transport session to it is open now
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record PeerInfo(NodeId id, String name, PeerState state, Instant lastSeen, List<TransportAddress> addresses,
                       boolean directSession) {
    public PeerInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastSeen, "lastSeen");
        addresses = List.copyOf(addresses);
    }
}
