package org.tomprotocol.transport.quic;

import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.tomprotocol.api.NodeId;

/**
 * The addresses of peers the transport was told about ({@code addPeerAddresses}) but has nothing going on with:
 * no {@link PeerLink}. Bounded: past {@code quic.max-known-peers} the least recently used entry goes. A link
 * takes its peer's entry when it is created and gives it back when it is dropped. Event-loop confined.
 */
final class AddressDirectory {
    private final LinkedHashMap<NodeId, PeerAddresses> entries;

    AddressDirectory(int maxPeers) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<NodeId, PeerAddresses> eldest) {
                return size() > maxPeers;
            }
        };
    }

    /** Records addresses of a peer without a link. */
    void add(NodeId peer, Collection<InetSocketAddress> addresses) {
        entries.computeIfAbsent(peer, id -> new PeerAddresses()).addGiven(addresses);
    }

    /** Hands the peer's addresses over to a new link (empty ones if none are known). */
    PeerAddresses take(NodeId peer) {
        PeerAddresses known = entries.remove(peer);
        return known == null ? new PeerAddresses() : known;
    }

    /** Takes back the addresses of a dropped link. */
    void keep(NodeId peer, PeerAddresses addresses) {
        if (!addresses.dialTargets().isEmpty()) {
            entries.put(peer, addresses);
        }
    }

    int size() {
        return entries.size();
    }
}
