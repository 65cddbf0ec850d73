package org.tomprotocol.core.engine;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.WireProfile;

/**
 * Chooses the wire profile of each transmission: compact only if this node writes it and every node that must read
 * the envelope — its recipient and each relay on its path — is known to accept it (its signed announce lists it, or
 * it sent or passed on a compact envelope). Anything unknown gets the reference profile, which every node reads.
 * Agent-thread only.
 */
final class ProfileChoice {
    private final NodeId local;
    private final PeerTable peers;
    private boolean writesCompact = true;

    ProfileChoice(NodeId local, PeerTable peers) {
        this.local = local;
        this.peers = peers;
    }

    void writeCompact(boolean compact) {
        this.writesCompact = compact;
    }

    WireProfile profileFor(NodeId recipient, Path path) {
        if (!writesCompact || !readsCompact(recipient)) {
            return WireProfile.REFERENCE;
        }
        for (NodeId relay : path.relays()) {
            if (!readsCompact(relay)) {
                return WireProfile.REFERENCE;
            }
        }
        return WireProfile.COMPACT;
    }

    /** {@code node} showed it reads the compact profile. */
    void acceptsCompact(NodeId node) {
        PeerRecord record = peers.get(node);
        if (record != null) {
            record.acceptsCompact = true;
        }
    }

    private boolean readsCompact(NodeId node) {
        if (node.equals(local)) {
            return true;
        }
        PeerRecord record = peers.get(node);
        return record != null && record.acceptsCompact;
    }
}
