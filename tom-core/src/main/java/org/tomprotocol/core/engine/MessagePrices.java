package org.tomprotocol.core.engine;

import java.util.OptionalLong;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.Envelope;
import org.tomprotocol.core.wire.MessageType;

/**
 * Lock 5 as one node runs it (docs/roles.md): the prices it asks of the chats it handles ({@link InboundPricing})
 * and the stamps its own chats carry ({@link OutboundStamps}), and what it learns of who reads stamped frames from
 * the frames it is handed. Pure; the time is passed in; agent thread only.
 */
final class MessagePrices {
    private final PeerTable peers;
    private final InboundPricing pricing;
    private final OutboundStamps stamps;

    MessagePrices(NodeId local, PeerTable peers, PriceEffects effects) {
        this.peers = peers;
        this.pricing = new InboundPricing(local, new OriginAdmission(peers::contribution), effects);
        this.stamps = new OutboundStamps(local, peers);
    }

    /** The stamps this node's chats carry. */
    OutboundStamps stamps() {
        return stamps;
    }

    /** What an origin without a score may send free, in messages a second (the operator's budget). */
    void budget(double messagesPerSecond) {
        pricing.admission(new OriginAdmission(peers::contribution, messagesPerSecond));
    }

    /** The hardest stamp this node mints for one of its messages. */
    void mintAtMost(int bits) {
        stamps.mintAtMost(bits);
    }

    /** {@code hop} handed this node a frame, with {@code stamp} if it was a stamped one. */
    void handed(NodeId hop, OptionalLong stamp, long now) {
        if (stamp.isPresent()) {
            stamps.showedItReads(hop, now);
        }
    }

    /** Prices one chat of new work (see {@link InboundPricing#offer}). */
    void offer(Envelope envelope, OptionalLong stamp, long now, InboundPricing.Handling handling) {
        pricing.offer(envelope, stamp, now, handling);
    }

    /**
     * What goes on with {@code envelope} to {@code nextHop}: its {@code stamp} if the next hop reads stamped frames.
     * A price passed on through this node shows that its signer reads them: what it asks for can reach it.
     */
    OptionalLong forwarding(Envelope envelope, NodeId nextHop, OptionalLong stamp, long now) {
        if (envelope.type() == MessageType.Price) {
            stamps.showedItReads(envelope.from(), now);
        }
        return stamp.isPresent() && stamps.readsStamped(nextHop, now) ? stamp : OptionalLong.empty();
    }

    /** {@code from} charges this node {@code price}, handed over by {@code hop}, which so carries stamps to it. */
    void priced(NodeId hop, NodeId from, org.tomprotocol.core.wire.PricePayload price, long sentAt, long now) {
        stamps.showedItReads(hop, now);
        stamps.priced(from, price, sentAt, now);
    }

    /**
     * For each peer this node knows: its verified work for this node, its delivery as a relay, the stamp this node
     * asks of its messages and the one it asks of this node's.
     */
    java.util.List<org.tomprotocol.api.PeerStanding> standings(long now) {
        java.util.List<org.tomprotocol.api.PeerStanding> standings = new java.util.ArrayList<>();
        for (PeerRecord peer : peers.all()) {
            standings.add(new org.tomprotocol.api.PeerStanding(peer.id(), peers.contribution(peer.id(), now),
                    peer.relayDeliveryEstimate(now), pricing.stampAskedOf(peer.id(), now),
                    stamps.stampAskedBy(peer.id(), now)));
        }
        return standings;
    }

    /** Hands on the chats whose delay is over. */
    void release(long now) {
        pricing.release(now);
    }

    int messagesHeld() {
        return pricing.messagesHeld();
    }

    void purge(long now) {
        pricing.purge(now);
        stamps.purge(now);
    }
}
