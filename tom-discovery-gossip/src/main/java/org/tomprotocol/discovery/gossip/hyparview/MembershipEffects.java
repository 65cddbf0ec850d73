package org.tomprotocol.discovery.gossip.hyparview;

import java.util.List;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame;

/** Everything {@link HyParView} does to the world. Calls return at once; sends are queued by the host. */
public interface MembershipEffects {
    /** This node's transport addresses, as they are now. */
    List<TransportAddress> localAddresses();

    /** Sends a membership frame to {@code peer}. */
    void send(NodeId peer, MembershipFrame frame);

    /** Addresses of {@code peer} that the transports should know before this node contacts it. */
    void learned(PeerAddress peer);

    /** {@code peer} joined the active view. */
    void neighborUp(NodeId peer);

    /** {@code peer} left the active view. */
    void neighborDown(NodeId peer);

    /** A frame from {@code from} was refused for {@code reason} (a short metric-friendly word). */
    void rejected(NodeId from, String reason);
}
