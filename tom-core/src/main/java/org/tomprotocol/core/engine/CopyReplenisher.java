package org.tomprotocol.core.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerState;
import org.tomprotocol.core.wire.MessageType;

/**
 * Keeps {@link ProtocolConstants#BACKUP_HOLDERS} live copies of an undelivered message. A fellow holder this node saw
 * go offline is lost; one it never heard of counts as up for {@link ProtocolConstants#BACKUP_UNKNOWN_HOLDER_GRACE_MS}
 * after the copy came (time for gossip to make it known), then as gone, so a list of made-up holders cannot stop
 * the copies from being replaced. Only the holder with the smallest id among those known to be up acts, so that one
 * node, not all, places the new copies.
 */
final class CopyReplenisher {
    private CopyReplenisher() {
    }

    static void replenish(HeldCopy held, NodeId local, PeerTable peers, BackupEffects effects, long now) {
        List<NodeId> up = new ArrayList<>();
        List<NodeId> known = new ArrayList<>();
        boolean graceOver = now - held.heldSince >= ProtocolConstants.BACKUP_UNKNOWN_HOLDER_GRACE_MS;
        for (NodeId holder : held.holders) {
            PeerRecord record = holder.equals(local) ? null : peers.get(holder);
            if (record != null && record.state() == PeerState.OFFLINE) {
                held.lost.add(holder);
            } else if (record != null && record.isLive()) {
                held.lost.remove(holder);
            }
            boolean live = holder.equals(local) || record != null && record.isLive();
            if (live) {
                known.add(holder);
            }
            if (!held.lost.contains(holder) && (live || record == null && !graceOver)) {
                up.add(holder);
            }
        }
        int missing = ProtocolConstants.BACKUP_HOLDERS - up.size();
        NodeId first = known.stream().min(Comparator.comparing(NodeId::toHex)).orElse(local);
        if (missing <= 0 || !first.equals(local)) {
            return;
        }
        Set<NodeId> excluded = new LinkedHashSet<>(held.holders);
        excluded.add(held.sender());
        excluded.add(held.recipient);
        List<NodeId> targets = HolderViability.choose(peers, missing, excluded, new LinkedHashSet<>(up), now);
        if (targets.isEmpty()) {
            return;
        }
        held.holders.retainAll(up);
        held.holders.addAll(targets);
        byte[] payload = held.copy(new ArrayList<>(held.holders)).encode();
        for (NodeId target : targets) {
            effects.count("backup-replicated");
            effects.sendSigned(MessageType.BackupReplicate, target, List.of(), payload);
        }
    }

    /**
     * This node is leaving (it closes): its viability as a holder falls to nothing, so each copy it holds undelivered
     * goes to one more node first, the copies spread over the best few peers, {@link
     * ProtocolConstants#BACKUP_HAND_OVER_MAX} at most. A durable holder keeps its own copies for its return. Returns
     * how many were handed over.
     */
    static int handOver(java.util.Collection<HeldCopy> copies, NodeId local, PeerTable peers, BackupEffects effects,
                        long now) {
        int handed = 0;
        for (HeldCopy held : copies) {
            if (handed == ProtocolConstants.BACKUP_HAND_OVER_MAX) {
                break;
            }
            if (held.proof != null || !held.kept || held.expiresAt <= now) {
                continue;
            }
            Set<NodeId> excluded = new LinkedHashSet<>(held.holders);
            excluded.add(held.sender());
            excluded.add(held.recipient);
            List<NodeId> best = HolderViability.choose(peers, ProtocolConstants.BACKUP_HOLDERS, excluded,
                    held.holders, now);
            if (best.isEmpty()) {
                continue;
            }
            NodeId replacement = best.get(handed % best.size());
            List<NodeId> listed = new ArrayList<>(held.holders);
            listed.remove(local);
            listed.add(replacement);
            effects.sendSigned(MessageType.BackupReplicate, replacement, List.of(), held.copy(listed).encode());
            handed++;
        }
        if (handed > 0) {
            effects.count("backup-handed-over");
        }
        return handed;
    }
}
