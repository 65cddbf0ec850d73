package org.tomprotocol.core.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.DeliveryProofs;
import org.tomprotocol.core.wire.MessageType;

/**
 * The sender's side of the virus backup: when a message's recipient is out of reach, copies of the signed,
 * encrypted message go to up to {@link ProtocolConstants#BACKUP_HOLDERS} holders chosen by
 * {@link HolderViability}; a holder that declines or does not answer is replaced. Once
 * {@link ProtocolConstants#BACKUP_HOLDERS_CONFIRMED} hold it, the message is {@code BACKED_UP}; once it is delivered,
 * the recipient's signed acknowledgement goes to every holder so they purge their copies. Pure and
 * single-threaded.
 */
final class BackupPlacements implements MessageHolder {
    private final NodeId local;
    private final PeerTable peers;
    private final BackupEffects effects;
    private final Map<MessageId, Placement> placements = new LinkedHashMap<>();

    /** Where the copies of one message are. */
    private static final class Placement {
        final Set<NodeId> holding = new LinkedHashSet<>();
        final Set<NodeId> declined = new LinkedHashSet<>();
        /** Asked, not answered yet: when. */
        final Map<NodeId, Long> asked = new HashMap<>();
        /** Asked, and not answered in time: another was asked instead, but a late answer still counts. */
        final Set<NodeId> late = new LinkedHashSet<>();
        boolean reportedBackedUp;
    }

    BackupPlacements(NodeId local, PeerTable peers, BackupEffects effects) {
        this.local = local;
        this.peers = peers;
        this.effects = effects;
    }

    /**
     * {@code message}'s recipient is out of reach: make sure enough copies are held, asking new holders for the
     * missing ones (those asked lately and not answered yet still count).
     */
    void needed(OutboundState message, long now) {
        PeerRecord recipient = peers.get(message.recipient());
        if (recipient != null && recipient.hasSession() && recipient.isLive()) {
            // it is up and connected: the next attempt goes straight to it
            return;
        }
        Placement placement = placements.computeIfAbsent(message.id(), id -> new Placement());
        placement.holding.removeIf(holder -> {
            PeerRecord record = peers.get(holder);
            return record != null && record.state() == org.tomprotocol.api.PeerState.OFFLINE;
        });
        placement.asked.entrySet().removeIf(asked -> {
            boolean overdue = now - asked.getValue() >= ProtocolConstants.BACKUP_ANSWER_TIMEOUT_MS;
            if (overdue) {
                placement.late.add(asked.getKey());
            }
            return overdue;
        });
        int missing = ProtocolConstants.BACKUP_HOLDERS - placement.holding.size() - placement.asked.size();
        if (missing <= 0) {
            return;
        }
        Set<NodeId> excluded = new LinkedHashSet<>(placement.holding);
        excluded.addAll(placement.declined);
        excluded.addAll(placement.asked.keySet());
        excluded.addAll(placement.late);
        excluded.add(message.recipient());
        excluded.add(local);
        List<NodeId> targets = HolderViability.choose(peers, missing, excluded, placement.holding, now);
        if (targets.isEmpty()) {
            effects.count("backup-no-holder");
            return;
        }
        for (NodeId target : targets) {
            placement.asked.put(target, now);
        }
        List<NodeId> holders = new ArrayList<>(placement.holding);
        holders.addAll(placement.asked.keySet());
        effects.count("backup-copies-placed");
        effects.placeCopies(message, targets, holders);
    }

    /**
     * {@code holder} answered for its copy of {@code message} ({@code null} if the message no longer travels).
     *
     * @return whether the message is now held by enough nodes to be reported {@code BACKED_UP}, for the first time
     */
    boolean answered(NodeId holder, MessageId id, boolean held, OutboundState message, long now) {
        Placement placement = placements.get(id);
        if (placement == null || placement.asked.remove(holder) == null && !placement.late.remove(holder)
                && !placement.holding.contains(holder)) {
            effects.count("backup-unmatched-answer");
            return false;
        }
        if (!held) {
            effects.count("backup-declined");
            placement.declined.add(holder);
            if (message != null) {
                needed(message, now);
            }
            return false;
        }
        placement.holding.add(holder);
        if (!placement.reportedBackedUp && placement.holding.size() >= ProtocolConstants.BACKUP_HOLDERS_CONFIRMED) {
            placement.reportedBackedUp = true;
            return true;
        }
        return false;
    }

    /** {@code id} was delivered: the recipient's acknowledgement tells every holder to purge its copy. */
    void delivered(MessageId id, byte[] acknowledgement) {
        Placement placement = placements.remove(id);
        if (placement == null || acknowledgement == null) {
            return;
        }
        Set<NodeId> holders = new LinkedHashSet<>(placement.holding);
        holders.addAll(placement.asked.keySet());
        holders.addAll(placement.late);
        byte[] proofs = new DeliveryProofs(List.of(acknowledgement)).encode();
        for (NodeId holder : holders) {
            effects.sendSigned(MessageType.BackupConfirmDelivery, holder, List.of(), proofs);
        }
    }

    /** {@code id} ended without being delivered (failed at 24 h, or the node closed). */
    void ended(MessageId id) {
        placements.remove(id);
    }

    /** Whether copies of {@code id} were placed (or are being placed). */
    boolean has(MessageId id) {
        return placements.containsKey(id);
    }

    /** Holders that confirmed a copy of {@code id}. */
    int holders(MessageId id) {
        Placement placement = placements.get(id);
        return placement == null ? 0 : placement.holding.size();
    }

    @Override
    public int messagesHeld() {
        return placements.size();
    }
}
