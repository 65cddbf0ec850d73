package org.tomprotocol.core.engine;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.PricePayload;
import org.tomprotocol.spi.state.ExpiringMap;

/**
 * The stamps this node's messages carry (lock 5, wire spec §15): what the nodes it sends through or to charge it —
 * each {@code Price} holds for its validity — and which nodes read a stamped frame (they announce {@code stamped},
 * or asked this node for stamps). A message whose path crosses priced nodes carries a stamp of the highest
 * difficulty among them, if its first hop reads stamped frames. Bounded; agent thread only.
 */
final class OutboundStamps {
    private static final int CAPACITY = 4_096;
    /**
     * The hardest stamp this node mints for one message: about a million hashes, a second of one core at most. Asked
     * for more, it sends the message without one — refused, it is sent again later, when the origin's rate has
     * faded and the price with it (the pricing node tells the lower price as it refuses) — rather than spend minutes
     * of its own CPU on one message.
     */
    static final int MAX_MINTED_BITS = 20;

    private record Asked(int stampBits, long until) {
    }

    private final NodeId local;
    private final PeerTable peers;
    private int mintedBitsAtMost = MAX_MINTED_BITS;
    private final ExpiringMap<NodeId, Asked> asked = new ExpiringMap<>(PricePayload.MAX_VALID_MS, CAPACITY);
    /** Nodes seen handling stamps: they handed this node a stamped frame, or priced a node through it. */
    private final org.tomprotocol.spi.state.ExpiringSet<NodeId> seenReading =
            new org.tomprotocol.spi.state.ExpiringSet<>(ProtocolConstants.MAX_AGE_MS, CAPACITY);

    OutboundStamps(NodeId local, PeerTable peers) {
        this.local = local;
        this.peers = peers;
    }

    /** The hardest stamp this node mints (an operator's choice; {@link #MAX_MINTED_BITS} by default). */
    void mintAtMost(int bits) {
        this.mintedBitsAtMost = bits;
    }

    /**
     * {@code node} charges this node {@code price}, told at {@code sentAt} (its signed timestamp): it holds until then
     * plus its validity, never longer, so an old price replayed holds for nothing.
     */
    void priced(NodeId node, PricePayload price, long sentAt, long now) {
        long until = Math.min(now, sentAt) + price.validMs();
        if (until <= now) {
            return;
        }
        if (price.stampBits() == 0) {
            asked.remove(node);
            seenReading.add(node, now);
            return;
        }
        asked.put(node, new Asked(price.stampBits(), until), now);
    }

    /**
     * The stamp difficulty a message to {@code recipient} on {@code path} carries now: the highest asked by a node on
     * it, or 0 if none asked, its first hop reads no stamped frame, or it is past what this node mints at most.
     */
    int stampBits(NodeId recipient, Path path, long now) {
        NodeId firstHop = path.relays().isEmpty() ? recipient : path.relays().get(0);
        if (!readsStamped(firstHop, now)) {
            return 0;
        }
        int bits = bitsOf(recipient, now);
        for (NodeId relay : path.relays()) {
            bits = Math.max(bits, bitsOf(relay, now));
        }
        return bits > mintedBitsAtMost ? 0 : bits;
    }

    /** {@code node} showed it reads stamped frames: it sent one, or a price (to this node or through it). */
    void showedItReads(NodeId node, long now) {
        seenReading.add(node, now);
    }

    /**
     * Whether {@code node} reads a stamped frame: it announced so, asked this node for stamps, showed it does, or is
     * this node.
     */
    boolean readsStamped(NodeId node, long now) {
        if (node.equals(local) || asked.get(node, now) != null || seenReading.contains(node, now)) {
            return true;
        }
        PeerRecord record = peers.get(node);
        return record != null && record.readsStamped;
    }

    /** The stamp {@code node} asks of this node's messages now; 0 if none. */
    int stampAskedBy(NodeId node, long now) {
        return bitsOf(node, now);
    }

    private int bitsOf(NodeId node, long now) {
        Asked price = asked.get(node, now);
        return price == null || now >= price.until() ? 0 : price.stampBits();
    }

    void purge(long now) {
        asked.purge(now);
        seenReading.purge(now);
    }
}
