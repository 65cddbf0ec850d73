package org.tomprotocol.core.engine;

import java.util.List;

import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.AckType;
import org.tomprotocol.core.wire.AckPayload;
import org.tomprotocol.core.wire.BackupCopy;
import org.tomprotocol.core.wire.BackupHeld;
import org.tomprotocol.core.wire.BackupQuery;
import org.tomprotocol.core.wire.DeliveryProofs;
import org.tomprotocol.core.wire.SigningBytes;
import org.tomprotocol.core.wire.DecodedEnvelope;
import org.tomprotocol.core.wire.EncryptedPayloadCodec;
import org.tomprotocol.core.wire.Envelope;
import org.tomprotocol.core.wire.EnvelopeCodec;
import org.tomprotocol.core.wire.MessageType;
import org.tomprotocol.core.wire.ReadReceiptPayload;
import org.tomprotocol.core.wire.RendezvousPayload;
import org.tomprotocol.core.wire.WireException;
import org.tomprotocol.core.wire.WireProfile;
import org.tomprotocol.spi.crypto.CryptoException;
import org.tomprotocol.spi.crypto.CryptoSuite;
import org.tomprotocol.spi.crypto.LocalIdentity;
import org.tomprotocol.spi.crypto.SealedPayload;

/**
 * The costly, stateless first stage of every inbound frame, run on worker threads: decode, check the strict
 * signature of {@code from} (every envelope, acknowledgements included), for envelopes addressed to this
 * node open the sealed payload and parse receipts, and sign ahead the acknowledgement the message will need,
 * so the agent only decides and hands frames to transports. Thread-safe.
 */
public final class InboundVerifier {
    private final CryptoSuite crypto;
    private final LocalIdentity identity;
    private final EnvelopeSealer sealer;
    private final StampGate stamps;
    private final java.util.function.Supplier<MessageId> ids;

    public InboundVerifier(CryptoSuite crypto, LocalIdentity identity, EnvelopeSealer sealer) {
        this(crypto, identity, sealer, StampGate.NONE);
    }

    /** A verifier that refuses, before their signature, chats whose origin owes a stamp they lack ({@code stamps}). */
    public InboundVerifier(CryptoSuite crypto, LocalIdentity identity, EnvelopeSealer sealer, StampGate stamps) {
        this(crypto, identity, sealer, stamps, MessageId::random);
    }

    /**
     * As {@link #InboundVerifier(CryptoSuite, LocalIdentity, EnvelopeSealer, StampGate)}, the ids of the
     * acknowledgements it signs ahead drawn from {@code ids}.
     */
    public InboundVerifier(CryptoSuite crypto, LocalIdentity identity, EnvelopeSealer sealer, StampGate stamps,
                           java.util.function.Supplier<MessageId> ids) {
        this.crypto = crypto;
        this.identity = identity;
        this.sealer = sealer;
        this.stamps = stamps;
        this.ids = ids;
    }

    /** Outcome of verification: exactly one of {@code verified} and {@code rejectReason} is set. */
    public record Result(VerifiedEnvelope verified, String rejectReason) {
        static Result rejected(String reason) {
            return new Result(null, reason);
        }
    }

    /**
     * Verifies one frame from the neighbour {@code hop}; {@code now} (the caller's clock: this stage reads none) dates
     * the acknowledgement it signs ahead.
     */
    public Result verify(NodeId hop, byte[] frame, long now) {
        return verify(hop, frame, java.util.OptionalLong.empty(), now);
    }

    /** As {@link #verify(NodeId, byte[], long)}, for a frame that came with {@code stamp} (wire spec §15). */
    public Result verify(NodeId hop, byte[] frame, java.util.OptionalLong stamp, long now) {
        DecodedEnvelope decoded;
        try {
            decoded = EnvelopeCodec.decode(frame);
        } catch (WireException e) {
            return Result.rejected(e.reason());
        }
        Envelope envelope = decoded.envelope();
        if (!envelope.isSigned()) {
            return Result.rejected("unsigned");
        }
        if (stamps.unpaid(envelope, stamp, now)) {
            return Result.rejected("unpaid-stamp");
        }
        if (!crypto.verify(envelope.from(), decoded.signingBytes().bytes(), envelope.signature())) {
            return Result.rejected("bad-signature");
        }
        if (!envelope.to().equals(identity.id())) {
            PreparedFrame relayAck = envelope.type() == MessageType.Chat && envelope.via().contains(identity.id())
                    ? relayAcknowledgement(envelope, decoded.profile(), now) : null;
            return new Result(new VerifiedEnvelope(decoded, hop, null, null, null, null, relayAck), null);
        }
        try {
            return switch (envelope.type()) {
                case Ack -> receipt(envelope, () -> new VerifiedEnvelope(decoded, hop, null, null,
                        AckPayload.decode(envelope.payload()), null, null));
                case ReadReceipt -> receipt(envelope, () -> new VerifiedEnvelope(decoded, hop, null, null, null,
                        ReadReceiptPayload.decode(envelope.payload()), null));
                case Chat -> open(decoded, hop, now);
                case Signal -> signal(decoded, hop, now);
                case GroupInvite, GroupMessage, GroupSync, GroupSyncResponse, GroupSyncRequest, GroupDeliveryAck,
                     GroupHubMigration, GroupPostCopy ->
                        group(decoded, hop);
                case Rendezvous -> receipt(envelope, () -> new VerifiedEnvelope(decoded, hop, null, null, null, null,
                        null, RendezvousPayload.decode(envelope.payload())));
                case Price -> envelope.encrypted() ? Result.rejected("encrypted-price")
                        : new Result(new VerifiedEnvelope(decoded, hop,
                                org.tomprotocol.core.wire.PricePayload.decode(envelope.payload())), null);
                case BackupStore, BackupReplicate -> backupCopy(decoded, hop);
                case BackupReplicateAck -> backup(decoded, hop,
                        () -> new BackupInput.Held(BackupHeld.decode(envelope.payload())));
                case BackupConfirmDelivery -> backup(decoded, hop, () -> proofs(envelope));
                case BackupQuery -> backup(decoded, hop,
                        () -> new BackupInput.Query(BackupQuery.decode(envelope.payload()).recipient()));
                default -> new Result(new VerifiedEnvelope(decoded, hop, null, null, null, null, null), null);
            };
        } catch (WireException e) {
            return Result.rejected(e.reason());
        }
    }

    private interface WireSupplier {
        VerifiedEnvelope get() throws WireException;
    }

    private interface BackupParser {
        BackupInput parse() throws WireException;
    }

    private static Result backup(DecodedEnvelope decoded, NodeId hop, BackupParser parser) throws WireException {
        if (decoded.envelope().encrypted()) {
            return Result.rejected("encrypted-backup-frame");
        }
        BackupInput input = parser.parse();
        return input == null ? Result.rejected("forged-delivery-proof")
                : new Result(new VerifiedEnvelope(decoded, hop, input), null);
    }

    /**
     * A copy is held only if its sender really signed the message: a holder can be handed nothing it could not
     * deliver, and a sender's copies come from that sender ({@code BackupStore}) or from a holder
     * ({@code BackupReplicate}).
     */
    private Result backupCopy(DecodedEnvelope decoded, NodeId hop) throws WireException {
        Envelope envelope = decoded.envelope();
        if (envelope.encrypted()) {
            return Result.rejected("encrypted-backup-frame");
        }
        BackupCopy copy = BackupCopy.decode(envelope.payload());
        if (envelope.type() == MessageType.BackupStore && !envelope.from().equals(copy.sender())) {
            return Result.rejected("backup-store-not-from-sender");
        }
        Envelope message = copy.message();
        SigningBytes signing = EnvelopeCodec.signingBytes(message);
        if (!crypto.verify(copy.sender(), signing.bytes(), copy.signature())) {
            return Result.rejected("backup-bad-signature");
        }
        return new Result(new VerifiedEnvelope(decoded, hop,
                new BackupInput.Copy(copy, EnvelopeCodec.encode(message, signing))), null);
    }

    /** Every proof must be a recipient's acknowledgement it signed; one that is not refuses the whole frame. */
    private BackupInput proofs(Envelope envelope) throws WireException {
        List<BackupInput.DeliveryProof> proofs = new java.util.ArrayList<>();
        for (byte[] wire : DeliveryProofs.decode(envelope.payload()).acknowledgements()) {
            DecodedEnvelope ack = EnvelopeCodec.decode(wire);
            Envelope acknowledgement = ack.envelope();
            if (acknowledgement.type() != MessageType.Ack || acknowledgement.encrypted() || !acknowledgement.isSigned()
                    || !crypto.verify(acknowledgement.from(), ack.signingBytes().bytes(), acknowledgement.signature())) {
                return null;
            }
            AckPayload payload = AckPayload.decode(acknowledgement.payload());
            if (payload.type() != AckType.RecipientReceived) {
                return null;
            }
            proofs.add(new BackupInput.DeliveryProof(payload.originalMessageId(), acknowledgement.from(),
                    acknowledgement.to(), wire));
        }
        return new BackupInput.Proofs(proofs);
    }

    private static Result receipt(Envelope envelope, WireSupplier parse) throws WireException {
        if (envelope.encrypted()) {
            return Result.rejected("encrypted-receipt");
        }
        return new Result(parse.get(), null);
    }

    private Result open(DecodedEnvelope decoded, NodeId hop, long now) throws WireException {
        Envelope envelope = decoded.envelope();
        if (!envelope.encrypted()) {
            return new Result(new VerifiedEnvelope(decoded, hop, envelope.payload(), null, null, null,
                    recipientAcknowledgement(envelope, decoded.profile(), now)), null);
        }
        SealedPayload sealed = EncryptedPayloadCodec.decode(envelope.payload(), decoded.profile());
        byte[] plaintext = opened(sealed);
        if (plaintext == null) {
            return Result.rejected("decryption-failed");
        }
        return new Result(new VerifiedEnvelope(decoded, hop, plaintext, sealed.nonce(), null, null,
                recipientAcknowledgement(envelope, decoded.profile(), now)), null);
    }

    /** What a payload sealed to this node holds, or {@code null} if it does not open for this node. */
    private byte[] opened(SealedPayload sealed) {
        try {
            return crypto.open(identity, sealed);
        } catch (CryptoException e) {
            return null;
        }
    }

    /** Signalling for this node: sealed to it, fresh, and in the signal's form (§5.1). */
    private Result signal(DecodedEnvelope decoded, NodeId hop, long now) throws WireException {
        Envelope envelope = decoded.envelope();
        if (!envelope.encrypted()) {
            return Result.rejected("unsealed-signal");
        }
        if (now - envelope.timestamp() > ProtocolConstants.SIGNAL_MAX_AGE_MS) {
            return Result.rejected("stale-signal");
        }
        byte[] plaintext = opened(EncryptedPayloadCodec.decode(envelope.payload(), decoded.profile()));
        if (plaintext == null) {
            return Result.rejected("decryption-failed");
        }
        return new Result(new VerifiedEnvelope(decoded, hop, org.tomprotocol.core.wire.SignalPayload.decode(plaintext)),
                null);
    }

    /** A group frame for this node: sealed to it and in its frame's form (wire spec §14.2). */
    private Result group(DecodedEnvelope decoded, NodeId hop) throws WireException {
        Envelope envelope = decoded.envelope();
        if (!envelope.encrypted()) {
            return Result.rejected("unsealed-group-frame");
        }
        byte[] plaintext = opened(EncryptedPayloadCodec.decode(envelope.payload(), decoded.profile()));
        if (plaintext == null) {
            return Result.rejected("decryption-failed");
        }
        return new Result(new VerifiedEnvelope(decoded, hop,
                org.tomprotocol.core.wire.GroupFrame.decode(envelope.type(), plaintext)), null);
    }

    /**
     * The final recipient's acknowledgement, travelling back along the reversed relay path, in the message's profile
     * (every node on that path has just handled that profile).
     */
    private PreparedFrame recipientAcknowledgement(Envelope message, WireProfile profile, long now) {
        return acknowledgement(message, AckType.RecipientReceived, Paths.reversed(message.via()), profile, now);
    }

    /** A relay's acknowledgement, travelling back along the part of the path before this relay. */
    private PreparedFrame relayAcknowledgement(Envelope message, WireProfile profile, long now) {
        int position = message.via().indexOf(identity.id());
        return acknowledgement(message, AckType.RelayForwarded, Paths.reversed(message.via().subList(0, position)),
                profile, now);
    }

    private PreparedFrame acknowledgement(Envelope message, AckType type, List<NodeId> via, WireProfile profile,
                                          long now) {
        Envelope ack = Envelope.unsigned(ids.get(), identity.id(), message.from(), via, MessageType.Ack,
                new AckPayload(message.id(), type).encode(), now, false);
        return new PreparedFrame(ack.firstHop(), sealer.signAndEncode(ack, profile));
    }

    /** Whether {@code type} is handled by this engine version (others are rejected and counted). */
    static boolean isSupported(MessageType type) {
        return switch (type) {
            case Chat, Ack, ReadReceipt, Heartbeat, Rendezvous, BackupStore, BackupReplicate, BackupReplicateAck,
                 BackupConfirmDelivery, BackupQuery, Signal, GroupInvite, GroupMessage, GroupSync, GroupSyncResponse,
                 GroupSyncRequest, GroupDeliveryAck, GroupHubMigration, GroupPostCopy, Price -> true;
            default -> false;
        };
    }
}
