package org.tomprotocol.core.engine;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.AckPayload;
import org.tomprotocol.core.wire.DecodedEnvelope;
import org.tomprotocol.core.wire.Envelope;
import org.tomprotocol.core.wire.ReadReceiptPayload;
import org.tomprotocol.core.wire.RendezvousPayload;

/**
 * An inbound envelope whose strict signature by {@code from} was checked, with what the worker stage already
 * extracted from it. Only {@link InboundVerifier} creates one, so the router cannot be handed an unverified
 * envelope.
 */
public final class VerifiedEnvelope {
    private final DecodedEnvelope decoded;
    private final NodeId hop;
    private final byte[] plaintext;
    private final byte[] nonce;
    private final AckPayload ack;
    private final ReadReceiptPayload readReceipt;
    private final PreparedFrame acknowledgement;
    private final RendezvousPayload rendezvous;
    private final BackupInput backup;
    private final org.tomprotocol.core.wire.SignalPayload signal;
    private final org.tomprotocol.core.wire.GroupFrame groupFrame;
    private org.tomprotocol.core.wire.PricePayload price;

    VerifiedEnvelope(DecodedEnvelope decoded, NodeId hop, byte[] plaintext, byte[] nonce, AckPayload ack,
                     ReadReceiptPayload readReceipt, PreparedFrame acknowledgement) {
        this(decoded, hop, plaintext, nonce, ack, readReceipt, acknowledgement, null);
    }

    VerifiedEnvelope(DecodedEnvelope decoded, NodeId hop, byte[] plaintext, byte[] nonce, AckPayload ack,
                     ReadReceiptPayload readReceipt, PreparedFrame acknowledgement, RendezvousPayload rendezvous) {
        this(decoded, hop, plaintext, nonce, ack, readReceipt, acknowledgement, rendezvous, null, null, null);
    }

    VerifiedEnvelope(DecodedEnvelope decoded, NodeId hop, BackupInput backup) {
        this(decoded, hop, null, null, null, null, null, null, backup, null, null);
    }

    VerifiedEnvelope(DecodedEnvelope decoded, NodeId hop, org.tomprotocol.core.wire.SignalPayload signal) {
        this(decoded, hop, null, null, null, null, null, null, null, signal, null);
    }

    VerifiedEnvelope(DecodedEnvelope decoded, NodeId hop, org.tomprotocol.core.wire.GroupFrame groupFrame) {
        this(decoded, hop, null, null, null, null, null, null, null, null, groupFrame);
    }

    VerifiedEnvelope(DecodedEnvelope decoded, NodeId hop, org.tomprotocol.core.wire.PricePayload price) {
        this(decoded, hop, null, null, null, null, null, null, null, null, null);
        this.price = price;
    }

    private VerifiedEnvelope(DecodedEnvelope decoded, NodeId hop, byte[] plaintext, byte[] nonce, AckPayload ack,
                             ReadReceiptPayload readReceipt, PreparedFrame acknowledgement,
                             RendezvousPayload rendezvous, BackupInput backup,
                             org.tomprotocol.core.wire.SignalPayload signal,
                             org.tomprotocol.core.wire.GroupFrame groupFrame) {
        this.signal = signal;
        this.groupFrame = groupFrame;
        this.rendezvous = rendezvous;
        this.backup = backup;
        this.decoded = decoded;
        this.hop = hop;
        this.plaintext = plaintext;
        this.nonce = nonce;
        this.ack = ack;
        this.readReceipt = readReceipt;
        this.acknowledgement = acknowledgement;
    }

    public Envelope envelope() {
        return decoded.envelope();
    }

    public DecodedEnvelope decoded() {
        return decoded;
    }

    /** The neighbour the frame came from (the previous hop, not necessarily the signer). */
    public NodeId hop() {
        return hop;
    }

    /** The decrypted application payload of a message for this node, else {@code null}. */
    public byte[] plaintext() {
        return plaintext;
    }

    /** The AEAD nonce of an encrypted message for this node, else {@code null}. */
    public byte[] nonce() {
        return nonce;
    }

    /** The parsed payload of an acknowledgement for this node, else {@code null}. */
    public AckPayload ack() {
        return ack;
    }

    /**
     * The acknowledgement this node owes for the envelope, signed ahead on the worker: the recipient's
     * acknowledgement of a message for this node, or the relay acknowledgement of a message this node relays;
     * {@code null} otherwise. Used only if the router accepts the envelope.
     */
    public PreparedFrame acknowledgement() {
        return acknowledgement;
    }

    /** The parsed payload of a rendezvous for this node, else {@code null}. */
    public RendezvousPayload rendezvous() {
        return rendezvous;
    }

    /** The opened signalling of a {@code Signal} envelope for this node, else {@code null}. */
    public org.tomprotocol.core.wire.SignalPayload signal() {
        return signal;
    }

    /** The price a {@code Price} envelope names, or null. */
    public org.tomprotocol.core.wire.PricePayload price() {
        return price;
    }

    /** The opened frame of a group envelope for this node, else {@code null}. */
    public org.tomprotocol.core.wire.GroupFrame groupFrame() {
        return groupFrame;
    }

    /** What a backup frame for this node carries, verified, else {@code null}. */
    public BackupInput backup() {
        return backup;
    }

    /**
     * Whether this is a message for this node handed over by one of its backup holders: the sender's own envelope,
     * sent direct ({@code via} empty), yet brought by another node.
     */
    public boolean fromBackupHolder() {
        Envelope envelope = envelope();
        return envelope.via().isEmpty() && !hop.equals(envelope.from());
    }

    /** The parsed payload of a read receipt for this node, else {@code null}. */
    public ReadReceiptPayload readReceipt() {
        return readReceipt;
    }
}
