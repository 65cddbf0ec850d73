package org.tomprotocol.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The way this node reaches a peer changed: typically {@code RELAY → DIRECT} once a direct session was
 * established (e.g. punched through NATs) while the first messages travelled through a relay, and
 * {@code DIRECT → RELAY} when that session died and traffic fell back to a relay.
 *
 * @param peer              the peer
 * @param from              the previous way
 * @param to                the new way
 * @param sinceFirstMessage time since this node first sent to the peer
 * @param at                when this node noticed
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record PathChange(NodeId peer, PathKind from, PathKind to, Duration sinceFirstMessage, Instant at)
        implements NodeEvent {
    public PathChange {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(sinceFirstMessage, "sinceFirstMessage");
        Objects.requireNonNull(at, "at");
    }
}
