package org.tomprotocol.core.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerState;
import org.tomprotocol.api.TransportAddress;

/**
 * Topology and liveness: every peer this node heard of, when it was last heard from, whether a session to it
 * is open, and its addresses. Any verified envelope or announce counts as a heartbeat. Peers go stale after
 * 20 s of silence, offline after 45 s, and are forgotten after 135 s unless a session is open. Pure: time is
 * passed in; changes are reported to a {@link PeerListener}.
 *
 * <p>Records come only from authenticated sources (a session, a verified envelope or announce, the
 * application), never from unsigned gossip. The table is bounded ({@link ProtocolConstants#MAX_PEERS}); when
 * full, a newcomer replaces the least valuable record — without a session, not online, least recently seen —
 * so a flood of identities can push out only what matters least, never keep a real newcomer out.
 */
public final class PeerTable {
    private static final int MAX_ADDRESSES_PER_PEER = 16;

    private final NodeId local;
    private final PeerListener listener;
    private final Map<NodeId, PeerRecord> peers = new LinkedHashMap<>();
    private java.util.function.BiPredicate<NodeId, NodeId> subnets = (a, b) -> false;

    public PeerTable(NodeId local, PeerListener listener) {
        this.local = local;
        this.listener = listener;
    }

    /** Answers {@link #shareSubnet} from {@code together} (this node's {@link EphemeralSubnets}). */
    void subnetsFrom(java.util.function.BiPredicate<NodeId, NodeId> together) {
        this.subnets = together;
    }

    /** Whether {@code a} and {@code b} are in one ephemeral subnet, as this node sees them. */
    boolean shareSubnet(NodeId a, NodeId b) {
        return subnets.test(a, b);
    }

    /** The record of {@code id}, or {@code null}. */
    public PeerRecord get(NodeId id) {
        return peers.get(id);
    }

    /**
     * What {@code id} did for this node that this node verified, decayed (lock 4): the messages it carried for this
     * node as a relay that their recipients acknowledged, and the copies of this node's messages it held until it
     * brought their recipients' signed proofs of delivery; 0 for a node never seen. An origin's standing in
     * {@link OriginAdmission}.
     */
    double contribution(NodeId id, long now) {
        PeerRecord record = peers.get(id);
        return record == null ? 0 : record.relayOutcomes.deliveredCount(now) + record.copiesProven.value(now);
    }

    public Collection<PeerRecord> all() {
        return Collections.unmodifiableCollection(peers.values());
    }

    public int size() {
        return peers.size();
    }

    /** Records that {@code id} proved it is alive at {@code now}. Returns its record ({@code null} only for this node). */
    public PeerRecord heard(NodeId id, long now) {
        if (id.equals(local)) {
            return null;
        }
        PeerRecord peer = peers.get(id);
        if (peer == null) {
            makeRoom();
            peer = new PeerRecord(id, now);
            peers.put(id, peer);
            listener.peerStateChanged(id, PeerState.DISCOVERED, now);
            peer.state = PeerState.ONLINE;
            listener.peerStateChanged(id, PeerState.ONLINE, now);
            return peer;
        }
        peer.lastSeen = Math.max(peer.lastSeen, now);
        if (peer.state == PeerState.OFFLINE) {
            peer.onlineSince = now;
        }
        if (peer.state != PeerState.ONLINE) {
            peer.state = PeerState.ONLINE;
            listener.peerStateChanged(id, PeerState.ONLINE, now);
        }
        return peer;
    }

    /** Adds addresses of {@code id} without claiming it is alive; creates no event. */
    public void learnAddresses(NodeId id, Collection<TransportAddress> addresses, long now) {
        if (id.equals(local) || addresses.isEmpty()) {
            return;
        }
        PeerRecord peer = peers.get(id);
        if (peer == null) {
            makeRoom();
            peer = new PeerRecord(id, now);
            peer.state = PeerState.DISCOVERED;
            peer.lastSeen = now - ProtocolConstants.STALE_AFTER_MS;
            peers.put(id, peer);
            listener.peerStateChanged(id, PeerState.DISCOVERED, now);
        }
        for (TransportAddress address : addresses) {
            if (!peer.addresses.contains(address)) {
                if (peer.addresses.size() >= MAX_ADDRESSES_PER_PEER) {
                    peer.addresses.remove(0);
                }
                peer.addresses.add(address);
            }
        }
    }

    /** When the table is full, forgets its least valuable record (as silence would, without an event). */
    private void makeRoom() {
        if (peers.size() < ProtocolConstants.MAX_PEERS) {
            return;
        }
        PeerRecord leastValuable = null;
        for (PeerRecord peer : peers.values()) {
            if (leastValuable == null || lessValuable(peer, leastValuable)) {
                leastValuable = peer;
            }
        }
        peers.remove(leastValuable.id());
    }

    /** Without a session before with one, then not online before online, then heard from longer ago. */
    private static boolean lessValuable(PeerRecord a, PeerRecord b) {
        if (a.session != b.session) {
            return !a.session;
        }
        boolean aOnline = a.state == PeerState.ONLINE;
        if (aOnline != (b.state == PeerState.ONLINE)) {
            return !aOnline;
        }
        return a.lastSeen < b.lastSeen;
    }

    /** A transport session to {@code id} opened or closed. */
    public void session(NodeId id, boolean open, long now) {
        session(id, open, null, now);
    }

    /** A transport session to {@code id} opened (observed at {@code remote}) or closed. */
    public void session(NodeId id, boolean open, TransportAddress remote, long now) {
        PeerRecord peer = open ? heard(id, now) : peers.get(id);
        if (peer != null) {
            peer.session = open;
            if (open) {
                if (remote != null) {
                    peer.observed = remote;
                }
                // a session that came up is a new path: what made the old one suspect says nothing about it
                peer.directSuspectUntil = 0;
                peer.directFailures = 0;
            }
        }
    }

    /** Something was sent to {@code id} (so it needs no keepalive yet). */
    public void sentTo(NodeId id, long now) {
        PeerRecord peer = peers.get(id);
        if (peer != null) {
            peer.lastSentTo = now;
        }
    }

    /** Applies silence thresholds; returns the peers with an open session that should get a heartbeat. */
    public List<NodeId> tick(long now) {
        List<NodeId> needKeepalive = new ArrayList<>();
        Iterator<PeerRecord> iterator = peers.values().iterator();
        while (iterator.hasNext()) {
            PeerRecord peer = iterator.next();
            long silence = now - peer.lastSeen;
            if (silence >= ProtocolConstants.FORGET_AFTER_MS && !peer.session) {
                iterator.remove();
                continue;
            }
            if (peer.state != PeerState.DISCOVERED) {
                if (silence >= ProtocolConstants.OFFLINE_AFTER_MS) {
                    transition(peer, PeerState.OFFLINE, now);
                } else if (silence >= ProtocolConstants.STALE_AFTER_MS) {
                    transition(peer, PeerState.STALE, now);
                }
            }
            if (peer.session && now - peer.lastSentTo >= ProtocolConstants.KEEPALIVE_AFTER_MS) {
                needKeepalive.add(peer.id());
                peer.lastSentTo = now;
            }
        }
        return needKeepalive;
    }

    private void transition(PeerRecord peer, PeerState next, long now) {
        if (peer.state == next || (peer.state == PeerState.OFFLINE && next == PeerState.STALE)) {
            return;
        }
        peer.state = next;
        listener.peerStateChanged(peer.id(), next, now);
    }

    /**
     * Why an announce of {@code node} signed at {@code timestamp} is refused at {@code now} — from the future, older than
     * an hour, or not newer than the last one taken from that node — or {@code null}.
     */
    String announceProblem(NodeId node, long timestamp, long now) {
        if (timestamp > now + ProtocolConstants.MAX_FUTURE_DRIFT_MS) {
            return "future-announce";
        }
        if (timestamp < now - ProtocolConstants.ANNOUNCE_MAX_AGE_MS) {
            return "expired-announce";
        }
        PeerRecord known = get(node);
        return known != null && timestamp <= known.announceTimestamp ? "replayed-announce" : null;
    }
}
