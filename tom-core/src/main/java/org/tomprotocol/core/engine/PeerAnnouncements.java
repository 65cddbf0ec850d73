package org.tomprotocol.core.engine;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.PeerAnnounce;
import org.tomprotocol.core.wire.PeerRole;
import org.tomprotocol.core.wire.Stamp;
import org.tomprotocol.core.wire.WireProfile;
import org.tomprotocol.spi.discovery.Validation;

/**
 * What the engine takes from a peer's signed announce (wire spec §10): its addresses and name, what it reads (the
 * compact profile, stamped frames), and, if fresh, a sign of life that wakes the messages and copies waiting for it.
 * Announces from the future, older than an hour or not newer than the last one seen from that node are refused.
 * Agent thread only.
 */
final class PeerAnnouncements {
    private final NodeId local;
    private final PeerTable peers;
    private final EngineEffects effects;
    private final DeliveryTracker tracker;
    private final VirusBackup backup;

    PeerAnnouncements(NodeId local, PeerTable peers, EngineEffects effects, DeliveryTracker tracker,
                      VirusBackup backup) {
        this.local = local;
        this.peers = peers;
        this.effects = effects;
        this.tracker = tracker;
        this.backup = backup;
    }

    /**
     * An announce whose signature was verified.
     *
     * @return the verdict for the discovery that carried it: {@link Validation#ACCEPT} when taken, else
     *         {@link Validation#IGNORE} (this node's own, or refused by time or replay: genuine but not to
     *         spread, and no fault of the neighbour that passed it on)
     */
    Validation onAnnounce(PeerAnnounce announce, long now) {
        NodeId node = announce.nodeId();
        if (node.equals(local)) {
            return Validation.IGNORE;
        }
        String rejection = peers.announceProblem(node, announce.timestamp(), now);
        if (rejection != null) {
            effects.count("rejected." + rejection);
            return Validation.IGNORE;
        }
        peers.learnAddresses(node, announce.addresses(), now);
        effects.learnedAddresses(node, announce.addresses());
        boolean fresh = now - announce.timestamp() < ProtocolConstants.STALE_AFTER_MS;
        PeerRecord record = fresh ? peers.heard(node, now) : peers.get(node);
        if (fresh) {
            tracker.onPeerReachable(node, now);
            backup.peerReachable(node, now);
        }
        if (record != null) {
            record.announceTimestamp = announce.timestamp();
            record.username = announce.username();
            record.acceptsCompact = announce.accepts(WireProfile.COMPACT);
            record.readsStamped = announce.wireProfiles().contains(Stamp.ANNOUNCE_TOKEN);
            record.announcedRoles.clear();
            for (PeerRole role : PeerRole.values()) {
                if (announce.announces(role)) {
                    record.announcedRoles.add(role);
                }
            }
        }
        effects.count("announces-accepted");
        return Validation.ACCEPT;
    }
}
