package org.tomprotocol.core.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.core.wire.PeerRole;

/**
 * How fit a peer is, as this node sees it, to hold copies of messages for an offline recipient: a score from 0 to
 * 100, and the choice of holders from it. Each node judges from its own observations only (lock 6: no global
 * authority):
 *
 * <ul>
 *   <li>up to 40 for time online: how long the peer has stayed up without going offline, full at one hour;</li>
 *   <li>30 for reachability now: a session is open to it (15 if it was only heard from recently);</li>
 *   <li>up to 30 for contribution: 15 for the end-to-end chance that messages this node routed through it got
 *       delivered, 15 for the chance that a copy it keeps for this node lasts until the recipient's proof of delivery
 *       ({@link PeerRecord#holdingEstimate}; a peer never used scores the neutral half of each).</li>
 * </ul>
 *
 * A peer that is not online scores 0 and is never chosen. Choosing holders takes the best scores first, but skips
 * a peer whose network (the /24 of an IPv4 address, the /48 of an IPv6 one) already holds a copy as long as
 * peers in other networks remain: copies spread across places that fail together. Among equal scores a peer whose
 * announce lists the backup role it earned comes first.
 */
public final class HolderViability {
    static final long FULL_UPTIME_MS = 3_600_000L;

    private HolderViability() {
    }

    /** The peer's viability as a holder, 0 to 100. */
    public static int score(PeerRecord peer, long now) {
        if (!peer.isLive()) {
            return 0;
        }
        double uptime = Math.min(1.0, Math.max(0, now - peer.onlineSince) / (double) FULL_UPTIME_MS);
        int reachability = peer.hasSession() ? 30 : 15;
        return (int) Math.round(40 * uptime + reachability + 15 * peer.relayDeliveryEstimate(now)
                + 15 * peer.holdingEstimate(now));
    }

    /**
     * Up to {@code count} holders among the live peers not {@code excluded}, best first, spread across networks and
     * ephemeral subnets: a network already holding a copy (of {@code placed}) counts as used, and so does a subnet
     * shared with a holder; only when too few are apart do the best of the rest hold too.
     */
    public static List<NodeId> choose(PeerTable peers, int count, Set<NodeId> excluded, Set<NodeId> placed,
                                      long now) {
        List<PeerRecord> candidates = new ArrayList<>();
        for (PeerRecord peer : peers.all()) {
            if (!excluded.contains(peer.id()) && score(peer, now) > 0) {
                candidates.add(peer);
            }
        }
        candidates.sort(Comparator.comparingInt((PeerRecord peer) -> score(peer, now)).reversed()
                .thenComparing(peer -> !peer.announces(PeerRole.Backup))
                .thenComparing(peer -> peer.id().toHex()));
        Set<String> networks = new HashSet<>();
        for (NodeId holder : placed) {
            PeerRecord record = peers.get(holder);
            if (record != null) {
                networks.add(network(record));
            }
        }
        List<NodeId> chosen = new ArrayList<>();
        List<PeerRecord> sameNetwork = new ArrayList<>();
        List<NodeId> holding = new ArrayList<>(placed);
        for (PeerRecord peer : candidates) {
            if (chosen.size() == count) {
                return chosen;
            }
            // apart first: another network, no subnet shared with a holder (nodes that talk together may go together)
            if (!networks.contains(network(peer))
                    && holding.stream().noneMatch(holder -> peers.shareSubnet(holder, peer.id()))) {
                networks.add(network(peer));
                holding.add(peer.id());
                chosen.add(peer.id());
            } else {
                sameNetwork.add(peer);
            }
        }
        for (PeerRecord peer : sameNetwork) {
            if (chosen.size() == count) {
                break;
            }
            chosen.add(peer.id());
        }
        return chosen;
    }

    /** The network a peer is in, from the address this node observes for it, else the first it announced. */
    static String network(PeerRecord peer) {
        TransportAddress address = peer.observed() != null ? peer.observed()
                : peer.addresses.isEmpty() ? null : peer.addresses.get(0);
        if (address == null) {
            return "unknown:" + peer.id().toHex();
        }
        String host = address.address();
        if (host.startsWith("[")) {
            String[] groups = host.substring(1, Math.max(1, host.indexOf(']'))).split(":");
            return address.scheme() + ":" + String.join(":", java.util.Arrays.copyOf(groups, Math.min(3, groups.length)));
        }
        int colon = host.lastIndexOf(':');
        String bare = colon > 0 ? host.substring(0, colon) : host;
        String[] octets = bare.split("\\.");
        if (octets.length == 4) {
            return address.scheme() + ":" + octets[0] + "." + octets[1] + "." + octets[2];
        }
        return address.scheme() + ":" + bare;
    }
}
