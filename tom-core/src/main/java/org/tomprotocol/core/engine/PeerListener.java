package org.tomprotocol.core.engine;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerState;

/** Receives peer liveness changes from the {@link PeerTable}. */
@FunctionalInterface
public interface PeerListener {
    void peerStateChanged(NodeId peer, PeerState state, long now);
}
