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

import org.tomprotocol.api.BackupEvent;
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
 *       so that one copy usually suffices. A copy the recipient never proves delivered is offered again with a
 *       doubling wait, {@link ProtocolConstants#BACKUP_MAX_OFFERS} times at most while the recipient stays up (its
 *       return starts the count over), then dropped: a holder cannot be turned into a hose aimed at a node.</li>
 *   <li><b>Proof.</b> A copy is purged only on a proof signed by its recipient, addressed to its sender, naming it.
 *       A holder that got the proof from the recipient passes it to its fellow holders, and keeps the proof alone
 *       (bounded in number) for a sender that is away, so that it learns its message was delivered.</li>
 *   <li><b>Copies kept.</b> The holder with the smallest id among those known to be up checks that the message keeps
 *       {@link ProtocolConstants#BACKUP_HOLDERS} live copies, and places new ones when fellow holders went offline.
 *       A fellow holder never heard of counts as up only for a grace time: a list of made-up holders cannot stop it.
 *       </li>
 *   <li><b>Room.</b> Bounded per sender and in all ({@link CopyRoom}); a copy over the bound is declined, so the
 *       sender asks another node (and keeps its own copy meanwhile).</li>
 * </ul>
 * Pure and single-threaded.
 */
final class HeldCopies implements MessageHolder {
    private final NodeId local;
    private final PeerTable peers;
    private final BackupEffects effects;
    private final Map<HeldCopy.Key, HeldCopy> copies = new LinkedHashMap<>();
    private final Map<NodeId, Set<HeldCopy.Key>> byRecipient = new HashMap<>();
    /** Proofs kept for senders that are away, oldest first. */
    private final Map<NodeId, Set<HeldCopy.Key>> provenBySender = new HashMap<>();
    private final Set<HeldCopy.Key> provenOrder = new LinkedHashSet<>();
    private final CopyRoom room = new CopyRoom();
    private final Set<HeldCopy.Key> deliveries = new LinkedHashSet<>();
    /** The time of the latest input, for what completes later (a store write). */
    private long lastNow;

    /** What a proof of delivery did. */
    enum ProofOutcome { PURGED, ALREADY_KNOWN, UNKNOWN_COPY, MISMATCH }

    HeldCopies(NodeId local, PeerTable peers, BackupEffects effects) {
        this.local = local;
        this.peers = peers;
        this.effects = effects;
    }

    /**
     * {@code from} (the sender itself when {@code fromSender}, else a fellow holder) asks this node to hold a copy. A
     * copy is confirmed only once it is kept (durably, on a node with a store).
     */
    void offered(NodeId from, BackupCopy copy, byte[] messageWire, boolean fromSender, long now) {
        lastNow = now;
        HeldCopy.Key key = new HeldCopy.Key(copy.sender(), copy.id());
        String refusal = refusal(copy, now);
        HeldCopy existing = copies.get(key);
        if (refusal == null && existing != null) {
            existing.addHolders(copy.holders());
            if (!fromSender) {
                existing.addHolders(List.of(from));
            }
            if (existing.proof != null) {
                // delivered already: the asker may purge (a holder) or learn it (the sender)
                sendProofs(from, List.of(existing.proof));
                answer(from, copy.id(), true);
            } else if (existing.kept) {
                answer(from, copy.id(), true);
            }
            // else its first write is still under way: that write's answer is the one that counts
            return;
        }
        if (refusal == null) {
            refusal = room.refusal(copy.sender(), messageWire.length);
        }
        if (refusal != null) {
            effects.count("backup-declined." + refusal);
            answer(from, copy.id(), false);
            return;
        }
        HeldCopy held = add(copy, messageWire, now);
        if (!fromSender) {
            held.addHolders(List.of(from));
        }
        effects.keepCopy(copy, kept -> stored(held, from, kept));
    }

    /** The store answered for a copy being kept (agent thread). */
    private void stored(HeldCopy held, NodeId from, boolean kept) {
        if (copies.get(held.key) != held || held.proof != null) {
            // purged or proven while it was being written: the store must not keep it
            effects.dropCopy(held.sender(), held.id());
            if (held.proof != null) {
                sendProofs(from, List.of(held.proof));
            }
            return;
        }
        if (!kept) {
            effects.count("backup-declined.store-failed");
            remove(held);
            answer(from, held.id(), false);
            return;
        }
        held.kept = true;
        effects.count("backup-copies-held");
        if (from.equals(held.sender())) {
            // placed by the sender itself, by its own ranking of holders (the rest are replicas between holders)
            effects.count("backup-copies-held.from-sender");
        }
        effects.copyChanged(BackupEvent.Kind.HELD, held.id(), held.sender(), held.recipient, lastNow);
        answer(from, held.id(), true);
        if (isUp(held.recipient)) {
            schedule(held, lastNow);
        }
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
        if (copies.containsKey(new HeldCopy.Key(copy.sender(), copy.id())) || refusal(copy, now) != null) {
            return;
        }
        add(copy, messageWire, now).kept = true;
    }

    private HeldCopy add(BackupCopy copy, byte[] messageWire, long now) {
        HeldCopy held = new HeldCopy(copy, messageWire, now);
        held.holders.add(local);
        held.addHolders(copy.holders());
        copies.put(held.key, held);
        byRecipient.computeIfAbsent(held.recipient, r -> new LinkedHashSet<>()).add(held.key);
        room.take(held.sender(), messageWire.length);
        return held;
    }

    private void answer(NodeId to, MessageId id, boolean held) {
        effects.sendSigned(MessageType.BackupReplicateAck, to, List.of(), new BackupHeld(id, held).encode());
    }

    /**
     * {@code peer} is in reach: deliver what waits for it, one holder after the other. A {@code newSession} means it
     * has just come back: copies waiting out the backoff of offers made while it was leaving go again at once.
     */
    void recipientReachable(NodeId peer, boolean newSession, long now) {
        for (HeldCopy.Key key : byRecipient.getOrDefault(peer, Set.of())) {
            HeldCopy held = copies.get(key);
            if (!held.kept) {
                continue;
            }
            if (newSession) {
                held.offers = 0;
                held.nextOfferAt = 0;
                held.deliverAt = -1;
            }
            if (held.deliverAt < 0) {
                schedule(held, now + rank(held) * ProtocolConstants.BACKUP_STAGGER_MS);
            }
        }
    }

    /**
     * The recipient asked what waits for it: the copies go in this holder's turn, on the shorter stagger of a query
     * (the recipient is up and waiting; the first live holder answers at once, and one copy usually suffices).
     */
    void queried(NodeId recipient, long now) {
        for (HeldCopy.Key key : byRecipient.getOrDefault(recipient, Set.of())) {
            HeldCopy held = copies.get(key);
            if (held.kept) {
                long turn = now + rank(held) * ProtocolConstants.BACKUP_QUERY_STAGGER_MS;
                schedule(held, held.deliverAt < 0 ? turn : Math.min(held.deliverAt, turn));
            }
        }
        deliverDue(now);
    }

    /** Offers the copy at {@code at}, or when its backoff allows if later. */
    private void schedule(HeldCopy held, long at) {
        held.deliverAt = Math.max(at, held.nextOfferAt);
        deliveries.add(held.key);
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

    /** Hands the copies whose turn came to their recipients; drops a copy offered too often without a proof. */
    void deliverDue(long now) {
        Iterator<HeldCopy.Key> due = deliveries.iterator();
        List<HeldCopy> unanswered = new ArrayList<>();
        while (due.hasNext()) {
            HeldCopy held = copies.get(due.next());
            // a copy past its 24 h is never delivered: its sender has been told FAILED
            if (held == null || held.messageWire == null || held.expiresAt <= now || !isUp(held.recipient)) {
                if (held != null) {
                    held.deliverAt = -1;
                }
                due.remove();
                continue;
            }
            long upSince = peers.get(held.recipient).onlineSince();
            if (upSince != held.offeredSince) {
                // the recipient came back since the last offers: frames sent while it was leaving count for nothing
                held.offeredSince = upSince;
                held.offers = 0;
                held.nextOfferAt = Math.min(held.nextOfferAt, now);
                held.deliverAt = Math.min(held.deliverAt, now);
            }
            if (held.deliverAt > now) {
                continue;
            }
            if (held.offers >= ProtocolConstants.BACKUP_MAX_OFFERS) {
                unanswered.add(held);
                continue;
            }
            effects.count("backup-deliveries");
            effects.sendPrepared(new PreparedFrame(held.recipient, held.messageWire));
            held.nextOfferAt = now + (ProtocolConstants.BACKUP_REOFFER_MS << held.offers);
            held.offers++;
            held.deliverAt = held.nextOfferAt;
        }
        for (HeldCopy held : unanswered) {
            effects.count("backup-dropped-unanswered");
            effects.copyChanged(BackupEvent.Kind.EXPIRED, held.id(), held.sender(), held.recipient, now);
            remove(held);
        }
    }

    /** A proof of delivery, verified by the worker, brought by {@code from}. */
    ProofOutcome proven(NodeId from, BackupInput.DeliveryProof proof, long now) {
        HeldCopy held = copies.get(new HeldCopy.Key(proof.sender(), proof.message()));
        if (held == null) {
            return ProofOutcome.UNKNOWN_COPY;
        }
        if (!proof.recipient().equals(held.recipient)) {
            return ProofOutcome.MISMATCH;
        }
        if (held.proof != null) {
            return ProofOutcome.ALREADY_KNOWN;
        }
        held.proof = proof.wire();
        releasePayload(held);
        effects.count("backup-purged-delivered");
        effects.copyChanged(BackupEvent.Kind.PURGED_DELIVERED, held.id(), held.sender(), held.recipient, now);
        if (from.equals(held.recipient)) {
            for (NodeId holder : held.holders) {
                if (!holder.equals(local)) {
                    sendProofs(holder, List.of(proof.wire()));
                }
            }
        }
        if (from.equals(held.sender())) {
            remove(held);
        } else if (isUp(held.sender())) {
            sendProofs(held.sender(), List.of(proof.wire()));
            remove(held);
        } else {
            keepProof(held);
        }
        return ProofOutcome.PURGED;
    }

    /** Keeps the proof alone for a sender that is away; the oldest go first past the bound. */
    private void keepProof(HeldCopy held) {
        provenBySender.computeIfAbsent(held.sender(), s -> new LinkedHashSet<>()).add(held.key);
        provenOrder.add(held.key);
        while (provenOrder.size() > ProtocolConstants.BACKUP_MAX_PROOFS_KEPT) {
            HeldCopy oldest = copies.get(provenOrder.iterator().next());
            effects.count("backup-proofs-forgotten");
            remove(oldest);
        }
    }

    /** {@code peer} is in reach: the proofs of its delivered messages go to it, and are then forgotten. */
    void senderReachable(NodeId peer) {
        Set<HeldCopy.Key> proven = provenBySender.get(peer);
        if (proven == null) {
            return;
        }
        List<byte[]> proofs = new ArrayList<>();
        for (HeldCopy.Key key : new ArrayList<>(proven)) {
            HeldCopy held = copies.get(key);
            proofs.add(held.proof);
            remove(held);
        }
        for (int from = 0; from < proofs.size(); from += DeliveryProofs.MAX_PROOFS) {
            sendProofs(peer, proofs.subList(from, Math.min(proofs.size(), from + DeliveryProofs.MAX_PROOFS)));
        }
    }

    private void sendProofs(NodeId to, List<byte[]> proofs) {
        effects.sendSigned(MessageType.BackupConfirmDelivery, to, List.of(), new DeliveryProofs(proofs).encode());
    }

    /** A fellow holder answered a copy this node placed on it; returns whether it named a copy held here. */
    boolean answered(NodeId holder, MessageId id, boolean held) {
        boolean matched = false;
        for (HeldCopy copy : copies.values()) {
            if (copy.id().equals(id) && copy.holders.contains(holder)) {
                matched = true;
                if (!held) {
                    copy.holders.remove(holder);
                }
            }
        }
        return matched;
    }

    /** Periodic: forgets what expired, and keeps enough live copies of each undelivered message. */
    void maintain(long now) {
        for (HeldCopy held : new ArrayList<>(copies.values())) {
            if (held.expiresAt <= now) {
                effects.count("backup-expired");
                if (held.proof == null) {
                    effects.copyChanged(BackupEvent.Kind.EXPIRED, held.id(), held.sender(), held.recipient, now);
                }
                remove(held);
            } else if (held.proof == null && held.kept) {
                CopyReplenisher.replenish(held, local, peers, effects, now);
            }
        }
    }

    /** This node is leaving (it closes): see {@link CopyReplenisher#handOver}. Returns how many copies went. */
    int handOver(long now) {
        return CopyReplenisher.handOver(copies.values(), local, peers, effects, now);
    }

    private void releasePayload(HeldCopy held) {
        if (held.messageWire == null) {
            return;
        }
        room.release(held.sender(), held.messageWire.length);
        held.messageWire = null;
        deliveries.remove(held.key);
        Set<HeldCopy.Key> waiting = byRecipient.get(held.recipient);
        if (waiting != null && waiting.remove(held.key) && waiting.isEmpty()) {
            byRecipient.remove(held.recipient);
        }
        effects.dropCopy(held.sender(), held.id());
    }

    private void remove(HeldCopy held) {
        releasePayload(held);
        copies.remove(held.key);
        provenOrder.remove(held.key);
        Set<HeldCopy.Key> proven = provenBySender.get(held.sender());
        if (proven != null && proven.remove(held.key) && proven.isEmpty()) {
            provenBySender.remove(held.sender());
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
        for (HeldCopy held : copies.values()) {
            if (held.id().equals(id) && held.messageWire != null) {
                return true;
            }
        }
        return false;
    }
}
