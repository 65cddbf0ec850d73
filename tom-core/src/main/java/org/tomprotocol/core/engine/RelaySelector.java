package org.tomprotocol.core.engine;

import java.util.Set;

import org.tomprotocol.api.NodeId;

/**
 * Picks paths from the {@link PeerTable}: direct when a session to the recipient is open; otherwise through
 * the best relay — a peer with an open session, online, not the target, not excluded: the one that last
 * confirmed relaying to this recipient if any, else the one carrying the fewest of our messages, then the
 * most proven relay, then the most recently heard from; otherwise direct if the recipient's address is known
 * (the transport dials it). Every node can be a relay.
 */
public final class RelaySelector implements PathSelector {
    private static final int REMEMBERED_TARGETS = 10_000;

    private final PeerTable peers;
    private final NodeId local;
    private final java.util.LinkedHashMap<NodeId, NodeId> goodRelayByTarget = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<NodeId, NodeId> eldest) {
            return size() > REMEMBERED_TARGETS;
        }
    };

    public RelaySelector(PeerTable peers, NodeId local) {
        this.peers = peers;
        this.local = local;
    }

    @Override
    public Path choose(NodeId target, Set<NodeId> excludedRelays, long now) {
        if (target.equals(local)) {
            return Path.DIRECT;
        }
        PeerRecord direct = peers.get(target);
        if (direct != null && direct.hasSession() && now >= direct.directSuspectUntil) {
            return Path.DIRECT;
        }
        NodeId remembered = goodRelayByTarget.get(target);
        if (remembered != null && !excludedRelays.contains(remembered)) {
            PeerRecord relay = peers.get(remembered);
            if (relay != null && relay.hasSession() && relay.isLive()) {
                return Path.via(remembered);
            }
        }
        PeerRecord best = null;
        for (PeerRecord candidate : peers.all()) {
            if (!candidate.hasSession() || !candidate.isLive() || candidate.id().equals(target)
                    || excludedRelays.contains(candidate.id())) {
                continue;
            }
            if (best == null || better(candidate, best)) {
                best = candidate;
            }
        }
        if (best != null) {
            return Path.via(best.id());
        }
        if (direct != null && (direct.hasSession() || !direct.addresses().isEmpty())) {
            return Path.DIRECT;
        }
        return null;
    }

    private static boolean better(PeerRecord candidate, PeerRecord best) {
        if (candidate.inFlightVia() != best.inFlightVia()) {
            return candidate.inFlightVia() < best.inFlightVia();
        }
        if (candidate.relayCredits() != best.relayCredits()) {
            return candidate.relayCredits() > best.relayCredits();
        }
        return candidate.lastSeen() > best.lastSeen();
    }

    @Override
    public void acquire(NodeId relay) {
        PeerRecord peer = peers.get(relay);
        if (peer != null) {
            peer.inFlightVia++;
        }
    }

    @Override
    public boolean directFailed(NodeId target, long now) {
        PeerRecord peer = peers.get(target);
        if (peer == null || ++peer.directFailures < ProtocolConstants.DIRECT_FAILURES_BEFORE_SUSPECT
                || now - peer.lastHeardDirectly < ProtocolConstants.DIRECT_ACK_TIMEOUT_MS) {
            // a lossy path still carries the peer's own frames: only a silent one counts as dead
            return false;
        }
        peer.directFailures = 0;
        peer.directSuspectUntil = now + ProtocolConstants.DIRECT_SUSPECT_MS;
        return true;
    }

    @Override
    public void directSucceeded(NodeId target) {
        PeerRecord peer = peers.get(target);
        if (peer != null) {
            peer.directFailures = 0;
        }
    }

    @Override
    public void relaySucceeded(NodeId relay, NodeId target) {
        goodRelayByTarget.put(target, relay);
    }

    @Override
    public void relayFailed(NodeId relay, NodeId target) {
        goodRelayByTarget.remove(target, relay);
    }

    @Override
    public void release(NodeId relay) {
        PeerRecord peer = peers.get(relay);
        if (peer != null && peer.inFlightVia > 0) {
            peer.inFlightVia--;
        }
    }
}
