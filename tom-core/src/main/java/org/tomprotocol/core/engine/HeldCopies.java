package org.tomprotocol.core.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerState;
import org.tomprotocol.core.wire.BackupCopy;
import org.tomprotocol.core.wire.BackupHeld;
import org.tomprotocol.core.wire.DeliveryProofs;
import org.tomprotocol.core.wire.MessageType;

/**
 * The holder's side of the virus backup: copies of other nodes' messages for recipients out of reach, each kept
 * until the recipient's signed acknowledgement proves it was delivered, or until the message's 24 h are over.
 *
 * <ul>
 *   <li><b>Delivery.</b> When the recipient is seen (a session, a fresh announce, its own query) the holders deliver
 *       the sender's envelope, staggered ({@link ProtocolConstants#BACKUP_STAGGER_MS} apart in the order of their ids)
 *       so that one copy usually suffices; the recipient's proof then purges every copy.</li>
 *   <li><b>Proof.</b> A copy is purged only on a proof signed by its recipient, addressed to its sender, naming it.
 *       A holder that got the proof from the recipient passes it to its fellow holders, and keeps it (without the
 *       message) for the sender, so that a sender that comes back learns its message was delivered.</li>
 *   <li><b>Copies kept.</b> The holder with the smallest id among those still up checks that the message keeps
 *       {@link ProtocolConstants#BACKUP_HOLDERS} live copies, and places new ones when fellow holders went offline.</li>
 *   <li><b>Room.</b> Bounded per sender and in all ({@link CopyRoom}); a copy over the bound is declined, so the
 *       sender asks another node (and keeps its own copy meanwhile).</li>
 * </ul>
 * Pure and single-threaded.
 */
final class HeldCopies implements MessageHolder {
    private final NodeId local;
    private final PeerTable peers;
    private final BackupEffects effects;
    private final Map<MessageId, HeldCopy> copies = new LinkedHashMap<>();
    private final Map<NodeId, Set<MessageId>> byRecipient = new HashMap<>();
    private final Map<NodeId, Set<MessageId>> provenBySender = new HashMap<>();
    private final CopyRoom room = new CopyRoom();
    private final Set<MessageId> deliveries = new LinkedHashSet<>();
    /** The time of the latest input, for what completes later (a store write). */
    private long lastNow;

    /** What a proof of delivery did. */
    enum ProofOutcome { PURGED, ALREADY_KNOWN, UNKNOWN_COPY, MISMATCH }

    private static final class HeldCopy {
        final BackupCopy copy;
        byte[] messageWire;
        final Set<NodeId> holders = new LinkedHashSet<>();
        /** Holders this node saw go offline (a holder it never heard of is presumed up). */
        final Set<NodeId> lost = new LinkedHashSet<>();
        final long expiresAt;
        long deliverAt = -1;
        boolean kept;
        byte[] proof;

        HeldCopy(BackupCopy copy, byte[] messageWire) {
            this.copy = copy;
            this.messageWire = messageWire;
            this.expiresAt = copy.timestamp() + ProtocolConstants.MESSAGE_LIFETIME_MS;
        }
    }

    HeldCopies(NodeId local, PeerTable peers, BackupEffects effects) {
        this.local = local;
        this.peers = peers;
        this.effects = effects;
    }

    /** {@code from} (the sender itself when {@code fromSender}, else a fellow holder) asks this node to hold a copy. */
    void offered(NodeId from, BackupCopy copy, byte[] messageWire, boolean fromSender, long now) {
        lastNow = now;
        String refusal = refusal(copy, now);
        HeldCopy existing = copies.get(copy.id());
        if (refusal == null && existing != null) {
            if (!existing.copy.sender().equals(copy.sender())) {
                refusal = "id-collision";
            } else {
                existing.holders.addAll(copy.holders());
                if (!fromSender) {
                    existing.holders.add(from);
                }
                if (existing.proof != null) {
                    // delivered already: the asker may purge (a holder) or learn it (the sender)
                    sendProofs(from, List.of(existing.proof));
                }
                answer(from, copy.id(), true);
                return;
            }
        }
        if (refusal == null) {
            refusal = room.refusal(copy.sender(), messageWire.length);
        }
        if (refusal != null) {
            effects.count("backup-declined." + refusal);
            answer(from, copy.id(), false);
            return;
        }
        HeldCopy held = add(copy, messageWire);
        if (!fromSender) {
            held.holders.add(from);
        }
        effects.keepCopy(copy, kept -> {
            if (copies.get(copy.id()) != held) {
                return;
            }
            if (!kept) {
                effects.count("backup-declined.store-failed");
                remove(held);
                answer(from, copy.id(), false);
                return;
            }
            held.kept = true;
            effects.count("backup-copies-held");
            effects.copyChanged(org.tomprotocol.api.BackupEvent.Kind.HELD, copy, lastNow);
            answer(from, copy.id(), true);
            if (isUp(copy.recipient())) {
                schedule(held, 0);
            }
        });
    }

    private String refusal(BackupCopy copy, long now) {
        if (copy.recipient().equals(local) || copy.sender().equals(local)) {
            return "own-message";
        }
        if (copy.timestamp() + ProtocolConstants.MESSAGE_LIFETIME_MS <= now) {
            return "expired";
        }
        if (copy.timestamp() > now + ProtocolConstants.MAX_FUTURE_DRIFT_MS) {
            return "future";
        }
        return null;
    }

    /** A copy this node kept before it restarted (from its store). */
    void restored(BackupCopy copy, byte[] messageWire, long now) {
        if (copies.containsKey(copy.id()) || refusal(copy, now) != null) {
            return;
        }
        add(copy, messageWire).kept = true;
    }

    private HeldCopy add(BackupCopy copy, byte[] messageWire) {
        HeldCopy held = new HeldCopy(copy, messageWire);
        held.holders.addAll(copy.holders());
        held.holders.add(local);
        copies.put(copy.id(), held);
        byRecipient.computeIfAbsent(copy.recipient(), r -> new LinkedHashSet<>()).add(copy.id());
        room.take(copy.sender(), messageWire.length);
        return held;
    }

    private void answer(NodeId to, MessageId id, boolean held) {
        effects.sendSigned(MessageType.BackupReplicateAck, to, List.of(), new BackupHeld(id, held).encode());
    }

    /** {@code peer} is in reach: deliver what waits for it, one holder after the other. */
    void recipientReachable(NodeId peer, long now) {
        for (MessageId id : byRecipient.getOrDefault(peer, Set.of())) {
            HeldCopy held = copies.get(id);
            if (held.kept && held.deliverAt < 0) {
                schedule(held, now + rank(held) * ProtocolConstants.BACKUP_STAGGER_MS);
            }
        }
    }

    /**
     * The recipient asked what waits for it: the copies go in this holder's turn, on the shorter stagger of a query
     * (the recipient is up and waiting; the first live holder answers at once, and one copy usually suffices).
     */
    void queried(NodeId recipient, long now) {
        for (MessageId id : byRecipient.getOrDefault(recipient, Set.of())) {
            HeldCopy held = copies.get(id);
            if (held.kept) {
                schedule(held, Math.min(held.deliverAt < 0 ? Long.MAX_VALUE : held.deliverAt,
                        now + rank(held) * ProtocolConstants.BACKUP_QUERY_STAGGER_MS));
            }
        }
        deliverDue(now);
    }

    private void schedule(HeldCopy held, long at) {
        held.deliverAt = at;
        deliveries.add(held.copy.id());
    }

    /** This holder's place among the holders still up, in the order of their ids: its turn to deliver. */
    private int rank(HeldCopy held) {
        List<String> up = new ArrayList<>();
        for (NodeId holder : held.holders) {
            if (holder.equals(local) || !held.lost.contains(holder) && isUp(holder)) {
                up.add(holder.toHex());
            }
        }
        Collections.sort(up);
        return Math.max(0, up.indexOf(local.toHex()));
    }

    /** Hands the copies whose turn came to their recipients (and offers them again later while unproven). */
    void deliverDue(long now) {
        Iterator<MessageId> due = deliveries.iterator();
        while (due.hasNext()) {
            HeldCopy held = copies.get(due.next());
            // a copy past its 24 h is never delivered: its sender has been told FAILED
            if (held == null || held.messageWire == null || held.expiresAt <= now || !isUp(held.copy.recipient())) {
                if (held != null) {
                    held.deliverAt = -1;
                }
                due.remove();
                continue;
            }
            if (held.deliverAt <= now) {
                effects.count("backup-deliveries");
                effects.sendPrepared(new PreparedFrame(held.copy.recipient(), held.messageWire));
                held.deliverAt = now + ProtocolConstants.BACKUP_REOFFER_MS;
            }
        }
    }

    /** A proof of delivery, verified by the worker, brought by {@code from}. */
    ProofOutcome proven(NodeId from, BackupInput.DeliveryProof proof, long now) {
        HeldCopy held = copies.get(proof.message());
        if (held == null) {
            return ProofOutcome.UNKNOWN_COPY;
        }
        BackupCopy copy = held.copy;
        if (!proof.recipient().equals(copy.recipient()) || !proof.sender().equals(copy.sender())) {
            return ProofOutcome.MISMATCH;
        }
        if (held.proof != null) {
            return ProofOutcome.ALREADY_KNOWN;
        }
        held.proof = proof.wire();
        releasePayload(held);
        effects.count("backup-purged-delivered");
        effects.copyChanged(org.tomprotocol.api.BackupEvent.Kind.PURGED_DELIVERED, copy, now);
        if (from.equals(copy.recipient())) {
            for (NodeId holder : held.holders) {
                if (!holder.equals(local)) {
                    sendProofs(holder, List.of(proof.wire()));
                }
            }
        }
        if (from.equals(copy.sender())) {
            remove(held);
        } else if (isUp(copy.sender())) {
            sendProofs(copy.sender(), List.of(proof.wire()));
            remove(held);
        } else {
            provenBySender.computeIfAbsent(copy.sender(), s -> new LinkedHashSet<>()).add(copy.id());
        }
        return ProofOutcome.PURGED;
    }

    /** {@code peer} is in reach: the proofs of its delivered messages go to it, and are then forgotten. */
    void senderReachable(NodeId peer) {
        Set<MessageId> proven = provenBySender.remove(peer);
        if (proven == null) {
            return;
        }
        List<byte[]> proofs = new ArrayList<>();
        for (MessageId id : proven) {
            HeldCopy held = copies.get(id);
            if (held != null && held.proof != null) {
                proofs.add(held.proof);
                remove(held);
            }
        }
        for (int from = 0; from < proofs.size(); from += DeliveryProofs.MAX_PROOFS) {
            sendProofs(peer, proofs.subList(from, Math.min(proofs.size(), from + DeliveryProofs.MAX_PROOFS)));
        }
    }

    private void sendProofs(NodeId to, List<byte[]> proofs) {
        effects.sendSigned(MessageType.BackupConfirmDelivery, to, List.of(), new DeliveryProofs(proofs).encode());
    }

    /** A fellow holder answered a copy this node placed on it. */
    boolean answered(NodeId holder, MessageId id, boolean held) {
        HeldCopy copy = copies.get(id);
        if (copy == null) {
            return false;
        }
        if (!held) {
            copy.holders.remove(holder);
        }
        return true;
    }

    /** Periodic: forgets what expired, and keeps enough live copies of each undelivered message. */
    void maintain(long now) {
        for (HeldCopy held : new ArrayList<>(copies.values())) {
            if (held.expiresAt <= now) {
                effects.count("backup-expired");
                if (held.proof == null) {
                    effects.copyChanged(org.tomprotocol.api.BackupEvent.Kind.EXPIRED, held.copy, now);
                }
                remove(held);
            } else if (held.proof == null && held.kept) {
                replenish(held, now);
            }
        }
    }

    private void replenish(HeldCopy held, long now) {
        List<NodeId> up = new ArrayList<>();
        for (NodeId holder : held.holders) {
            PeerRecord record = peers.get(holder);
            if (record != null && record.state() == PeerState.OFFLINE) {
                held.lost.add(holder);
            } else if (record != null && record.isLive()) {
                held.lost.remove(holder);
            }
            if (!held.lost.contains(holder)) {
                up.add(holder);
            }
        }
        int missing = ProtocolConstants.BACKUP_HOLDERS - up.size();
        NodeId first = up.stream().min(java.util.Comparator.comparing(NodeId::toHex)).orElse(local);
        if (missing <= 0 || !first.equals(local)) {
            return;
        }
        Set<NodeId> excluded = new LinkedHashSet<>(held.holders);
        excluded.add(held.copy.sender());
        excluded.add(held.copy.recipient());
        List<NodeId> targets = HolderViability.choose(peers, missing, excluded, new LinkedHashSet<>(up), now);
        if (targets.isEmpty()) {
            return;
        }
        held.holders.removeAll(held.lost);
        held.holders.addAll(targets);
        List<NodeId> listed = new ArrayList<>(held.holders);
        byte[] payload = held.copy.withHolders(listed).encode();
        for (NodeId target : targets) {
            effects.count("backup-replicated");
            effects.sendSigned(MessageType.BackupReplicate, target, List.of(), payload);
        }
    }

    /**
     * This node is leaving (it closes): its viability as a holder falls to nothing, so each copy it holds undelivered
     * goes to one more node first — the copies stay as many while it is away (Gen-2 decided this from a score that
     * nothing ever lowered). A durable holder keeps its own copies for its return. Returns how many were handed over.
     */
    int handOver(long now) {
        int handed = 0;
        for (HeldCopy held : copies.values()) {
            if (held.proof != null || !held.kept || held.expiresAt <= now) {
                continue;
            }
            Set<NodeId> excluded = new LinkedHashSet<>(held.holders);
            excluded.add(held.copy.sender());
            excluded.add(held.copy.recipient());
            List<NodeId> replacement = HolderViability.choose(peers, 1, excluded, held.holders, now);
            if (replacement.isEmpty()) {
                continue;
            }
            List<NodeId> listed = new ArrayList<>(held.holders);
            listed.remove(local);
            listed.addAll(replacement);
            effects.sendSigned(MessageType.BackupReplicate, replacement.get(0), List.of(),
                    held.copy.withHolders(listed).encode());
            handed++;
        }
        if (handed > 0) {
            effects.count("backup-handed-over");
        }
        return handed;
    }

    private void releasePayload(HeldCopy held) {
        if (held.messageWire == null) {
            return;
        }
        room.release(held.copy.sender(), held.messageWire.length);
        held.messageWire = null;
        deliveries.remove(held.copy.id());
        Set<MessageId> waiting = byRecipient.get(held.copy.recipient());
        if (waiting != null && waiting.remove(held.copy.id()) && waiting.isEmpty()) {
            byRecipient.remove(held.copy.recipient());
        }
        effects.dropCopy(held.copy.id());
    }

    private void remove(HeldCopy held) {
        releasePayload(held);
        copies.remove(held.copy.id());
        Set<MessageId> proven = provenBySender.get(held.copy.sender());
        if (proven != null && proven.remove(held.copy.id()) && proven.isEmpty()) {
            provenBySender.remove(held.copy.sender());
        }
    }

    private boolean isUp(NodeId peer) {
        PeerRecord record = peers.get(peer);
        return record != null && record.isLive();
    }

    /** Copies held, delivered ones awaiting their sender included. */
    @Override
    public int messagesHeld() {
        return copies.size();
    }

    /** Bytes of messages held for others. */
    long bytesHeld() {
        return room.bytes();
    }

    /** Whether a copy of {@code id} is held, with its message (not yet proven delivered). */
    boolean holdsMessage(MessageId id) {
        HeldCopy held = copies.get(id);
        return held != null && held.messageWire != null;
    }
}
