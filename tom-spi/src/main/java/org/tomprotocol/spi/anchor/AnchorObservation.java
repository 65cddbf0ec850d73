package org.tomprotocol.spi.anchor;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import org.tomprotocol.api.Api;
import org.tomprotocol.api.NodeId;

/**
 * Something a node saw, for an anchor to record: never message content.
 *
 * @param kind    what happened, e.g. {@code peer.online}, {@code message.delivered}
 * @param subject the node it concerns
 * @param at      when
 * @param facts   further details, as text
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record AnchorObservation(String kind, NodeId subject, Instant at, Map<String, String> facts) {
    public AnchorObservation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(at, "at");
        facts = Map.copyOf(facts);
    }
}
