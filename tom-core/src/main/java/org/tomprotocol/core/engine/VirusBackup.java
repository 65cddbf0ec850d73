package org.tomprotocol.core.engine;

import java.util.List;

import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.BackupCopy;
import org.tomprotocol.core.wire.BackupHeld;
import org.tomprotocol.core.wire.BackupQuery;
import org.tomprotocol.core.wire.DeliveryProofs;
import org.tomprotocol.core.wire.EnvelopeCodec;
import org.tomprotocol.core.wire.MessageType;
import org.tomprotocol.spi.state.ExpiringSet;

/**
 * The virus backup in one node, in its three roles: as a sender it places copies of its messages for recipients out
 * of reach ({@link BackupPlacements}); as a holder it keeps and delivers other nodes' copies ({@link HeldCopies});
 * as a recipient it asks what waits for it and proves each delivery to the holder that brought it. See
 * {@code docs/offline.md}. Pure and single-threaded.
 */
final class VirusBackup implements MessageHolder {
    private final NodeId local;
    private final DeliveryTracker tracker;
    private final EngineEffects effects;
    private final BackupPlacements placements;
    private final HeldCopies held;
    /** Peers asked lately what they hold for this node. */
    private final ExpiringSet<NodeId> queried =
            new ExpiringSet<>(ProtocolConstants.BACKUP_QUERY_REPEAT_MS, ProtocolConstants.MAX_PEERS);
    /** Holders that confirmed keeping a copy of one of this node's messages, until its 24 h are over. */
    private final ExpiringSet<HolderOf> confirmedHolders =
            new ExpiringSet<>(ProtocolConstants.MAX_AGE_MS, ProtocolConstants.BACKUP_MAX_PROOFS_KEPT);
    private final PeerTable peers;
    private final java.util.function.LongConsumer heldUntilDelivered;

    private record HolderOf(NodeId holder, MessageId message) {
    }

    /**
     * @param heldUntilDelivered told each time a copy this node held is first proven delivered by its recipient's
     *                           signature: verified holding work (lock 4)
     */
    VirusBackup(NodeId local, PeerTable peers, DeliveryTracker tracker, EngineEffects effects,
                java.util.function.LongConsumer heldUntilDelivered) {
        this.local = local;
        this.peers = peers;
        this.heldUntilDelivered = heldUntilDelivered;
        this.tracker = tracker;
        this.effects = effects;
        this.placements = new BackupPlacements(local, peers, effects);
        this.held = new HeldCopies(local, peers, effects);
    }

    /** {@code message}'s recipient is out of reach: copies should be held by others. */
    void needed(OutboundState message, long now) {
        placements.needed(message, now);
    }

    /** {@code id} failed: its placement is forgotten (the holders' copies expire with it). */
    void ended(MessageId id) {
        placements.ended(id);
    }

    /** This node's message {@code id} was delivered, as {@code acknowledgement} proves: its holders purge. */
    void deliveredOwn(MessageId id, VerifiedEnvelope acknowledgement) {
        if (placements.has(id)) {
            placements.delivered(id, EnvelopeCodec.encode(acknowledgement.envelope(),
                    acknowledgement.decoded().signingBytes()));
        }
    }

    /**
     * A message a backup holder brought to this node: the holder gets the signed acknowledgement too, the proof it
     * purges its copy on (and passes to the other holders); the sender may be gone.
     */
    void proveToHolder(VerifiedEnvelope message) {
        if (message.fromBackupHolder() && message.acknowledgement() != null) {
            effects.count("backup-delivered-here");
            effects.sendSigned(MessageType.BackupConfirmDelivery, message.hop(), List.of(),
                    new DeliveryProofs(List.of(message.acknowledgement().wire())).encode());
        }
    }

    /** A backup frame for this node, verified. */
    void onInput(VerifiedEnvelope verified, BackupInput input, long now) {
        NodeId from = verified.envelope().from();
        switch (input) {
            case BackupInput.Copy copy -> held.offered(from, copy.copy(), copy.messageWire(),
                    verified.envelope().type() == MessageType.BackupStore, now);
            case BackupInput.Held answer -> answered(from, answer.answer(), now);
            case BackupInput.Proofs proofs -> {
                for (BackupInput.DeliveryProof proof : proofs.proofs()) {
                    proven(verified.hop(), from, proof, now);
                }
            }
            case BackupInput.Query query -> held.queried(query.recipient(), now);
        }
    }

    private void answered(NodeId from, BackupHeld answer, long now) {
        OutboundState message = tracker.get(answer.id());
        if (message != null) {
            if (answer.held()) {
                confirmedHolders.add(new HolderOf(from, answer.id()), now);
            }
            if (placements.answered(from, answer.id(), answer.held(), message, now)) {
                tracker.onBackedUp(answer.id(), now);
            }
        } else if (!held.answered(from, answer.id(), answer.held())) {
            effects.count("backup-unmatched-answer");
        }
    }

    private void proven(NodeId hop, NodeId from, BackupInput.DeliveryProof proof, long now) {
        if (proof.sender().equals(local)) {
            // a holder kept the recipient's acknowledgement of our message while we were away
            if (confirmedHolders.remove(new HolderOf(from, proof.message()), now)) {
                PeerRecord holder = peers.get(from);
                if (holder != null) {
                    holder.copiesProven.add(1, now);
                }
            }
            if (tracker.onRecipientAck(proof.message(), proof.recipient(), now)) {
                effects.count("backup-proofs-received");
                placements.delivered(proof.message(), proof.wire());
            }
            return;
        }
        switch (held.proven(from, proof, now)) {
            case MISMATCH -> effects.charge(hop, "rejected.backup-proof-mismatch");
            case UNKNOWN_COPY -> effects.count("backup-proof-unmatched");
            case PURGED -> heldUntilDelivered.accept(now);
            case ALREADY_KNOWN -> {
            }
        }
    }

    /** A copy this node held before it restarted (from its store). */
    void restore(BackupCopy copy, long now) {
        held.restored(copy, EnvelopeCodec.encode(copy.message()), now);
    }

    /** {@code peer} was heard (a fresh announce): deliver what this node holds for it, hand it the proofs kept for it. */
    void peerReachable(NodeId peer, long now) {
        held.recipientReachable(peer, false, now);
        held.senderReachable(peer);
    }

    /**
     * A session to {@code peer} opened: as {@link #peerReachable}, with what waits for it offered again at once, and
     * ask it (at most hourly) what waits for this node.
     */
    void sessionUp(NodeId peer, long now) {
        held.recipientReachable(peer, true, now);
        held.senderReachable(peer);
        if (queried.add(peer, now)) {
            effects.sendSigned(MessageType.BackupQuery, peer, List.of(), new BackupQuery(local).encode());
        }
    }

    /** Every second: copies whose turn to be delivered came. */
    void deliverDue(long now) {
        held.deliverDue(now);
    }

    /** Every minute: expiry, and enough live copies of what this node holds. */
    void maintain(long now) {
        queried.purge(now);
        held.maintain(now);
    }

    /** This node is leaving: the copies it holds go to other nodes first. Returns how many. */
    int handOver(long now) {
        return held.handOver(now);
    }

    @Override
    public int messagesHeld() {
        return held.messagesHeld() + placements.messagesHeld();
    }

    boolean holdsCopyOf(MessageId id) {
        return held.holdsMessage(id);
    }

    long bytesHeld() {
        return held.bytesHeld();
    }
}
