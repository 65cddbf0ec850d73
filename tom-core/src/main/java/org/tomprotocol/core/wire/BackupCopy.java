package org.tomprotocol.core.wire;

import java.util.List;
import java.util.Objects;

import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;

/**
 * Payload of {@code BackupStore} (from the message's sender) and {@code BackupReplicate} (from a holder): a copy of
 * an end-to-end-encrypted message for a recipient that is out of reach, held by other nodes until it is delivered or
 * its 24 h are over. {@code [message_id, sender_id, recipient_id, timestamp, sealed_payload, signature,
 * holders]}.
 *
 * <p>The copy is the sender's {@code Chat} envelope in pieces: with {@code via = []}, the default ttl and
 * {@code encrypted = true}, its fields rebuild that envelope exactly, and {@code signature} is the sender's
 * signature over it — so a holder verifies it, and the recipient receives the very envelope the sender signed.
 * {@code sealed_payload} is the {@code EncryptedPayload} value written verbatim (not as a byte string), so a copy
 * costs on the wire what the message costs. The expiry is the message's own (timestamp + 24 h): a copy never lives
 * longer than its message.
 *
 * @param id            the message id
 * @param sender        who sent and signed the message
 * @param recipient     its final recipient, who alone can open it
 * @param timestamp     the message's envelope timestamp
 * @param sealedPayload the encoded {@code EncryptedPayload}
 * @param signature     the sender's signature over the rebuilt envelope
 * @param holders       the nodes known to hold a copy (the sender's choice, then every holder's additions)
 */
public record BackupCopy(MessageId id, NodeId sender, NodeId recipient, long timestamp, byte[] sealedPayload,
                         byte[] signature, List<NodeId> holders) {
    /** Holders a copy names at most. */
    public static final int MAX_HOLDERS_LISTED = 8;

    public BackupCopy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(sealedPayload, "sealedPayload");
        Objects.requireNonNull(signature, "signature");
        holders = List.copyOf(holders.subList(0, Math.min(holders.size(), MAX_HOLDERS_LISTED)));
    }

    /** The copy of a signed, encrypted, direct {@code Chat} envelope. */
    public static BackupCopy of(Envelope message, List<NodeId> holders) {
        if (message.type() != MessageType.Chat || !message.encrypted() || !message.via().isEmpty()
                || !message.isSigned()) {
            throw new IllegalArgumentException("only a signed, encrypted, direct chat envelope is backed up");
        }
        return new BackupCopy(message.id(), message.from(), message.to(), message.timestamp(), message.payload(),
                message.signature(), holders);
    }

    /** The sender's envelope, rebuilt: what the holder delivers to the recipient. */
    public Envelope message() {
        return new Envelope(id, sender, recipient, List.of(), MessageType.Chat, sealedPayload, timestamp, signature,
                Envelope.DEFAULT_TTL, true);
    }

    /** This copy naming {@code newHolders}. */
    public BackupCopy withHolders(List<NodeId> newHolders) {
        return new BackupCopy(id, sender, recipient, timestamp, sealedPayload, signature, newHolders);
    }

    public byte[] encode() {
        return new MsgpackWriter().arrayHeader(7).string(id.value()).nodeId(sender).nodeId(recipient)
                .unsigned(timestamp).raw(sealedPayload).bytes(signature).nodeIds(holders).toByteArray();
    }

    public static BackupCopy decode(byte[] bytes) throws WireException {
        MsgpackReader reader = new MsgpackReader(bytes);
        reader.expectArray(7, "backup copy");
        String id = reader.string(MessageId.MAX_LENGTH, "message_id");
        if (id.isEmpty()) {
            throw new WireException("malformed", "backup copy names no message");
        }
        NodeId sender = reader.nodeId("sender_id");
        NodeId recipient = reader.nodeId("recipient_id");
        long timestamp = reader.unsigned(Long.MAX_VALUE, "timestamp");
        byte[] sealed = reader.rawValue(bytes.length, "sealed_payload");
        // strictly canonical, as if it came as an envelope's payload
        EncryptedPayloadCodec.decode(sealed);
        byte[] signature = reader.fixedBytes(Envelope.SIGNATURE_LENGTH, "signature");
        List<NodeId> holders = reader.nodeIds(MAX_HOLDERS_LISTED, "holders");
        reader.expectEnd("backup copy");
        return new BackupCopy(new MessageId(id), sender, recipient, timestamp, sealed, signature, holders);
    }

    @Override
    public String toString() {
        return "BackupCopy[" + id + " " + sender.shortForm() + "→" + recipient.shortForm() + " holders="
                + holders.size() + "]";
    }
}
