package org.tomprotocol.core.engine;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerState;
import org.tomprotocol.core.wire.PeerRole;

/**
 * How fit a member is to succeed a group's hub, from what this node knows of it as a peer (docs/groups.md §5.3a):
 * unknown, only heard of or gone quiet counts as 0, offline as -1; else whole hours of observed uptime (up to a day, as a fraction of it), plus 1
 * for a direct session, plus its delivery estimate as a relay (lock 4's decaying gradient), plus
 * {@link #ANNOUNCED_CANDIDATE} if its signed announce lists the hub-candidate role it earned (being reached by several
 * peers for about an hour, docs/roles.md) — its own account, so it weighs least. Pure; agent thread only.
 */
final class PeerCapabilities implements MemberCapabilities {
    private static final long HOUR_MS = 3_600_000L;
    /** The peer's own word that it earned the hub-candidate role: less than an hour of uptime seen here. */
    static final double ANNOUNCED_CANDIDATE = 0.5;
    private final PeerTable peers;

    PeerCapabilities(PeerTable peers) {
        this.peers = peers;
    }

    @Override
    public double of(NodeId member, long now) {
        PeerRecord peer = peers.get(member);
        if (peer == null || peer.state() == PeerState.DISCOVERED || peer.state() == PeerState.STALE) {
            return 0;
        }
        if (peer.state() == PeerState.OFFLINE) {
            return -1;
        }
        long hours = Math.min(24, Math.max(0, now - peer.onlineSince()) / HOUR_MS);
        return hours / 24.0 + (peer.hasSession() ? 1 : 0) + peer.relayDeliveryEstimate(now)
                + (peer.announces(PeerRole.HubCandidate) ? ANNOUNCED_CANDIDATE : 0);
    }
}
