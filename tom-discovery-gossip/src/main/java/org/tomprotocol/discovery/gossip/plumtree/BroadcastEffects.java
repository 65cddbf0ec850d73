package org.tomprotocol.discovery.gossip.plumtree;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.discovery.gossip.wire.BroadcastFrame;

/** Everything {@link PlumTree} does to the world. Calls return at once; sends are queued by the host. */
public interface BroadcastEffects {
    /** Sends a broadcast frame to {@code peer}. */
    void send(NodeId peer, BroadcastFrame frame);

    /**
     * A broadcast payload reached this node for the first time, from {@code from}: the node is to check it and
     * answer with {@link PlumTree#onValidated} under {@code ticket}.
     */
    void validate(long ticket, NodeId from, byte[] payload);

    /** Input from {@code from} was refused for {@code reason} (a short metric-friendly word). */
    void rejected(NodeId from, String reason);
}
