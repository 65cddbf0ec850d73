package org.tomprotocol.discovery.gossip.wire;

import java.util.List;
import java.util.Objects;

import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.TransportAddress;

/**
 * The HyParView frames. Frames about the sender carry the sender's own transport addresses, so the
 * receiver can reach it again later; frames about other nodes carry their {@link PeerAddress}.
 */
public sealed interface MembershipFrame extends Frame {
    /** Asks a contact node to take the sender in: it answers with {@link NeighborAccept}. */
    record Join(List<TransportAddress> addresses) implements MembershipFrame {
        public Join {
            addresses = List.copyOf(addresses);
        }
    }

    /** A random walk spreading the news of a newcomer; {@code ttl} counts the hops left. */
    record ForwardJoin(PeerAddress newcomer, int ttl) implements MembershipFrame {
        public ForwardJoin {
            Objects.requireNonNull(newcomer, "newcomer");
        }
    }

    /**
     * Asks the receiver to make the sender an active neighbour. A high-priority request (from a node with
     * no neighbour at all, or closing a join walk) is never refused; a low-priority one is refused when the
     * receiver's active view is full.
     */
    record NeighborRequest(boolean highPriority, List<TransportAddress> addresses) implements MembershipFrame {
        public NeighborRequest {
            addresses = List.copyOf(addresses);
        }
    }

    /** The sender made the receiver an active neighbour (answer to a join or a neighbour request). */
    record NeighborAccept(List<TransportAddress> addresses) implements MembershipFrame {
        public NeighborAccept {
            addresses = List.copyOf(addresses);
        }
    }

    /**
     * The sender dropped the receiver from its active view or refused its request. {@code alive} says the
     * sender is not going away, so the receiver may keep it as a passive peer.
     */
    record Disconnect(boolean alive) implements MembershipFrame {
    }

    /** A random walk exchanging samples of views; the node where it ends answers the origin. */
    record Shuffle(PeerAddress origin, int ttl, List<PeerAddress> peers) implements MembershipFrame {
        public Shuffle {
            Objects.requireNonNull(origin, "origin");
            peers = List.copyOf(peers);
        }
    }

    /** The answer to a {@link Shuffle}: a sample of the answering node's views. */
    record ShuffleReply(List<PeerAddress> peers) implements MembershipFrame {
        public ShuffleReply {
            peers = List.copyOf(peers);
        }
    }

    /** Nodes the receiver should know about: sent by a contact node to a newcomer and to its own peers. */
    record Introduce(List<PeerAddress> peers) implements MembershipFrame {
        public Introduce {
            peers = List.copyOf(peers);
        }
    }

    /** Sent on an active link that carried nothing for a while, so a dead neighbour is noticed. */
    record KeepAlive() implements MembershipFrame {
    }
}
