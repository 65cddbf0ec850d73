package org.tomprotocol.spi.transport;

import java.util.List;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;

/**
 * Receives what a transport observes. Called from the transport's threads; implementations return quickly
 * and never block.
 */
public interface TransportListener {
    /** A frame arrived from an authenticated peer. The array is handed over: the transport keeps no reference. */
    void onFrame(NodeId peer, FrameChannel channel, byte[] frame);

    /** A session to {@code peer} is up; {@code remote} is the peer's address as this side observes it. */
    void onConnected(NodeId peer, TransportAddress remote);

    /** The session to {@code peer} ended. */
    void onDisconnected(NodeId peer, String reason);

    /** The addresses at which this node can be reached changed (e.g. a peer reported an observed address). */
    default void onLocalAddressesChanged(List<TransportAddress> addresses) {
    }

    /**
     * The transport refused input from the network (an oversize frame, a failed handshake); counted by the
     * node under {@code rejected.<reason>}. {@code peer} is {@code null} when not yet authenticated.
     */
    default void onRejected(NodeId peer, String reason) {
    }
}
