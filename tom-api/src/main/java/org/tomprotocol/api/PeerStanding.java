package org.tomprotocol.api;

import java.util.Objects;

/**
 * How this node and a peer stand with each other, as this node alone sees it (locks 4 and 5; no node tells another
 * what to think of a third): the work it verified the peer did for it, how the peer delivers as a relay, and the
 * proof-of-work stamps each asks of the other's messages. See docs/roles.md.
 *
 * @param peer                 the peer
 * @param contribution         the peer's verified work for this node — messages it carried that their recipients
 *                             acknowledged, and copies of this node's messages it held until it brought their
 *                             recipients' signed proofs of delivery — decaying: its budget of messages grows with it
 * @param relayDelivery        this node's estimate that the peer, as a relay, gets a message through (0 to 1;
 *                             one-half before any evidence)
 * @param stampBitsAsked       the stamp this node asks of the peer's messages now (0: they are free)
 * @param stampBitsAskedOfThis the stamp the peer asks of this node's messages now (0: they are free)
 */
@Api(status = Api.Status.INCUBATING, since = "0.3")
public record PeerStanding(NodeId peer, double contribution, double relayDelivery, int stampBitsAsked,
                           int stampBitsAskedOfThis) {
    public PeerStanding {
        Objects.requireNonNull(peer, "peer");
        if (!(contribution >= 0 && Double.isFinite(contribution))) {
            throw new IllegalArgumentException("contribution must be a finite number of at least 0, got "
                    + contribution);
        }
        if (!(relayDelivery >= 0 && relayDelivery <= 1)) {
            throw new IllegalArgumentException("relayDelivery must be between 0 and 1, got " + relayDelivery);
        }
        if (stampBitsAsked < 0 || stampBitsAskedOfThis < 0) {
            throw new IllegalArgumentException("stamp bits must not be negative");
        }
    }
}
