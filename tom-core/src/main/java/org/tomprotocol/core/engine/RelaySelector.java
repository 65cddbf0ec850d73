package org.tomprotocol.core.engine;

import java.util.Set;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.PeerRole;

/**
 * Picks paths from the {@link PeerTable}: direct when a session to the recipient is open; otherwise through
 * the best relay — a peer with an open session, online, not the target, not excluded. Relays are judged by
 * end-to-end outcomes ({@link RelayOutcomes}): the relay through which this recipient last acknowledged a
 * message, unless its record has since turned bad; else the relay most likely to deliver (estimates compared
 * in tenths), then one in the recipient's ephemeral subnet, then the one carrying the fewest of our messages, then
 * the most recently heard from. A relay
 * that acknowledges forwarding and drops the message therefore loses the traffic after its first loss.
 * Otherwise direct if the recipient's address is known (the transport dials it). Every node can be a relay.
 *
 * <p>A relay passed over is tried again: since its deliveries and losses fade at the same pace, their ratio — and so
 * its rank — would never change while others serve. So a relay this node has judged, not chosen for
 * {@link #FIRST_PROBE_AFTER_MS}, carries the next message that needs a relay; each delivery through it halves that
 * wait (down to {@link #MIN_PROBE_AFTER_MS}), each such try that fails doubles it (up to {@link #MAX_PROBE_AFTER_MS}).
 * A relay that delivers again comes back; one that still drops costs one message (sent again through another) every
 * ten minutes at most.
 */
public final class RelaySelector implements PathSelector {
    private static final int REMEMBERED_TARGETS = 10_000;
    /** The remembered relay of a recipient is used only while more of its messages arrive than get lost. */
    private static final double TRUSTED_ESTIMATE = 0.5;
    static final long FIRST_PROBE_AFTER_MS = 30_000;
    static final long MIN_PROBE_AFTER_MS = 5_000;
    static final long MAX_PROBE_AFTER_MS = 600_000;

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
        PeerRecord chosen = chooseRelay(target, excludedRelays, now);
        PeerRecord passedOver = dueForAnotherTry(chosen, target, excludedRelays, now);
        if (passedOver != null) {
            passedOver.relayOnTrial = true;
            chosen = passedOver;
        }
        if (chosen != null) {
            chosen.lastChosenAsRelay = now;
            return Path.via(chosen.id());
        }
        if (direct != null && (direct.hasSession() || !direct.addresses().isEmpty())) {
            return Path.DIRECT;
        }
        return null;
    }

    /** A relay judged before and passed over long enough to carry one message again, if any. */
    private PeerRecord dueForAnotherTry(PeerRecord chosen, NodeId target, Set<NodeId> excludedRelays, long now) {
        if (chosen == null) {
            return null;
        }
        for (PeerRecord candidate : peers.all()) {
            if (candidate != chosen && usable(candidate, target, excludedRelays) && candidate.relayOutcomes.judged(now)
                    && now - candidate.lastChosenAsRelay >= candidate.relayProbeAfterMs) {
                return candidate;
            }
        }
        return null;
    }

    private PeerRecord chooseRelay(NodeId target, Set<NodeId> excludedRelays, long now) {
        NodeId remembered = goodRelayByTarget.get(target);
        if (remembered != null && !excludedRelays.contains(remembered)) {
            PeerRecord relay = peers.get(remembered);
            if (relay != null && relay.hasSession() && relay.isLive()
                    && relay.relayDeliveryEstimate(now) >= TRUSTED_ESTIMATE) {
                return relay;
            }
        }
        PeerRecord best = null;
        int bestBand = -1;
        for (PeerRecord candidate : peers.all()) {
            if (!usable(candidate, target, excludedRelays)) {
                continue;
            }
            int band = band(candidate, now);
            if (best == null || band > bestBand || (band == bestBand && better(candidate, best, target))) {
                best = candidate;
                bestBand = band;
            }
        }
        return best;
    }

    private static boolean usable(PeerRecord candidate, NodeId target, Set<NodeId> excludedRelays) {
        return candidate.hasSession() && candidate.isLive() && !candidate.id().equals(target)
                && !excludedRelays.contains(candidate.id());
    }

    /**
     * The delivery estimate in tenths, so relays that differ less are spread by load; rounded up from half a
     * hundredth below, so a loss that has all but faded away no longer counts.
     */
    private static int band(PeerRecord peer, long now) {
        return (int) (peer.relayDeliveryEstimate(now) * 10 + 0.05);
    }

    /**
     * Of two relays equally likely to deliver: the one in the recipient's subnet, else one whose announce lists the
     * relay role it earned (its own account, so it comes after this node's observations), else the less busy.
     */
    private boolean better(PeerRecord candidate, PeerRecord best, NodeId target) {
        boolean candidateTogether = peers.shareSubnet(candidate.id(), target);
        if (candidateTogether != peers.shareSubnet(best.id(), target)) {
            return candidateTogether;
        }
        boolean candidateEarned = candidate.announces(PeerRole.Relay);
        if (candidateEarned != best.announces(PeerRole.Relay)) {
            return candidateEarned;
        }
        return lessBusy(candidate, best);
    }

    private static boolean lessBusy(PeerRecord candidate, PeerRecord best) {
        if (candidate.inFlightVia() != best.inFlightVia()) {
            return candidate.inFlightVia() < best.inFlightVia();
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
    public void relayDelivered(NodeId relay, NodeId target, long now) {
        PeerRecord peer = peers.get(relay);
        if (peer != null) {
            peer.relayOutcomes.delivered(now);
            peer.relayProbeAfterMs = Math.max(MIN_PROBE_AFTER_MS, peer.relayProbeAfterMs / 2);
            peer.relayOnTrial = false;
        }
        goodRelayByTarget.put(target, relay);
    }

    @Override
    public void relayLost(NodeId relay, NodeId target, long now) {
        PeerRecord peer = peers.get(relay);
        if (peer != null) {
            peer.relayOutcomes.lost(now);
            // a failed try doubles the wait; losses in ordinary use (often many at once) start it over
            peer.relayProbeAfterMs = peer.relayOnTrial ? Math.min(MAX_PROBE_AFTER_MS, peer.relayProbeAfterMs * 2)
                    : FIRST_PROBE_AFTER_MS;
            peer.relayOnTrial = false;
        }
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
