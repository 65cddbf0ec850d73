package org.tomprotocol.transport.quic;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

import org.tomprotocol.api.NodeId;

/**
 * What peers from one {@link AddressGroup} may have of this node: accepted connections and distinct node
 * identities, each up to a cap. A cap is not a ban: the peers' existing connections go on, and a new one is
 * accepted as soon as an older one ends. Peers on loopback are this host's own processes and are not counted
 * unless {@code quic.limit-loopback} says so. Entries exist only while they count something. Event-loop
 * confined.
 */
final class AddressLimits {
    private final int maxConnections;
    private final int maxIdentities;
    private final boolean limitLoopback;
    private final Map<AddressGroup, Integer> connections = new HashMap<>();
    private final Map<AddressGroup, Map<NodeId, Integer>> identities = new HashMap<>();

    AddressLimits(QuicLimits limits) {
        this.maxConnections = limits.maxConnectionsPerAddress();
        this.maxIdentities = limits.maxIdentitiesPerAddress();
        this.limitLoopback = limits.limitLoopback();
    }

    /** Whether peers at {@code address} are counted at all. */
    boolean applies(InetAddress address) {
        return limitLoopback || !address.isLoopbackAddress();
    }

    /** Accepted connections from {@code address}'s group now. */
    int connections(InetAddress address) {
        return connections.getOrDefault(AddressGroup.of(address), 0);
    }

    /** Whether a new connection from {@code address} should first prove its address: half the cap is used. */
    boolean costly(InetAddress address) {
        return applies(address) && 2 * connections(address) >= maxConnections;
    }

    /** Whether {@code address}'s group has all the connections it may have. */
    boolean full(InetAddress address) {
        return applies(address) && connections(address) >= maxConnections;
    }

    void connectionOpened(InetAddress address) {
        connections.merge(AddressGroup.of(address), 1, Integer::sum);
    }

    void connectionClosed(InetAddress address) {
        connections.computeIfPresent(AddressGroup.of(address), (group, count) -> count > 1 ? count - 1 : null);
    }

    /**
     * Counts one more connection of {@code peer} from {@code address}, unless it is a new identity there and the
     * group already has all the identities it may have.
     *
     * @return whether it was admitted (then {@link #identityClosed} must follow)
     */
    boolean admitIdentity(InetAddress address, NodeId peer) {
        Map<NodeId, Integer> there = identities.computeIfAbsent(AddressGroup.of(address), group -> new HashMap<>());
        if (!there.containsKey(peer) && applies(address) && there.size() >= maxIdentities) {
            if (there.isEmpty()) {
                identities.remove(AddressGroup.of(address));
            }
            return false;
        }
        there.merge(peer, 1, Integer::sum);
        return true;
    }

    void identityClosed(InetAddress address, NodeId peer) {
        AddressGroup group = AddressGroup.of(address);
        Map<NodeId, Integer> there = identities.get(group);
        if (there == null) {
            return;
        }
        there.computeIfPresent(peer, (id, count) -> count > 1 ? count - 1 : null);
        if (there.isEmpty()) {
            identities.remove(group);
        }
    }

    /** Distinct identities connected from {@code address}'s group now. */
    int identities(InetAddress address) {
        Map<NodeId, Integer> there = identities.get(AddressGroup.of(address));
        return there == null ? 0 : there.size();
    }

    /** Groups with something counted (bounded by the connections). */
    int trackedGroups() {
        return Math.max(connections.size(), identities.size());
    }
}
