package org.tomprotocol.core.engine;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.AckPayload;
import org.tomprotocol.core.wire.DecodedEnvelope;
import org.tomprotocol.core.wire.EncryptedPayloadCodec;
import org.tomprotocol.core.wire.Envelope;
import org.tomprotocol.core.wire.EnvelopeCodec;
import org.tomprotocol.core.wire.MessageType;
import org.tomprotocol.core.wire.ReadReceiptPayload;
import org.tomprotocol.core.wire.WireException;
import org.tomprotocol.spi.crypto.CryptoException;
import org.tomprotocol.spi.crypto.CryptoSuite;
import org.tomprotocol.spi.crypto.LocalIdentity;
import org.tomprotocol.spi.crypto.SealedPayload;

/**
 * The costly, stateless first stage of every inbound frame, run on worker threads: decode, check the strict
 * signature of {@code from} (every envelope, acknowledgements included), and for envelopes addressed to this
 * node open the sealed payload and parse receipts. Thread-safe.
 */
public final class InboundVerifier {
    private final CryptoSuite crypto;
    private final LocalIdentity identity;

    public InboundVerifier(CryptoSuite crypto, LocalIdentity identity) {
        this.crypto = crypto;
        this.identity = identity;
    }

    /** Outcome of verification: exactly one of {@code verified} and {@code rejectReason} is set. */
    public record Result(VerifiedEnvelope verified, String rejectReason) {
        static Result rejected(String reason) {
            return new Result(null, reason);
        }
    }

    public Result verify(NodeId hop, byte[] frame) {
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
        if (!crypto.verify(envelope.from(), decoded.signingBytes().bytes(), envelope.signature())) {
            return Result.rejected("bad-signature");
        }
        if (!envelope.to().equals(identity.id())) {
            return new Result(new VerifiedEnvelope(decoded, hop, null, null, null, null), null);
        }
        try {
            return switch (envelope.type()) {
                case Ack -> receipt(envelope, () -> new VerifiedEnvelope(decoded, hop, null, null,
                        AckPayload.decode(envelope.payload()), null));
                case ReadReceipt -> receipt(envelope, () -> new VerifiedEnvelope(decoded, hop, null, null, null,
                        ReadReceiptPayload.decode(envelope.payload())));
                case Chat -> open(decoded, hop);
                default -> new Result(new VerifiedEnvelope(decoded, hop, null, null, null, null), null);
            };
        } catch (WireException e) {
            return Result.rejected(e.reason());
        }
    }

    private interface WireSupplier {
        VerifiedEnvelope get() throws WireException;
    }

    private static Result receipt(Envelope envelope, WireSupplier parse) throws WireException {
        if (envelope.encrypted()) {
            return Result.rejected("encrypted-receipt");
        }
        return new Result(parse.get(), null);
    }

    private Result open(DecodedEnvelope decoded, NodeId hop) throws WireException {
        Envelope envelope = decoded.envelope();
        if (!envelope.encrypted()) {
            return new Result(new VerifiedEnvelope(decoded, hop, envelope.payload(), null, null, null), null);
        }
        SealedPayload sealed = EncryptedPayloadCodec.decode(envelope.payload());
        try {
            byte[] plaintext = crypto.open(identity, sealed);
            return new Result(new VerifiedEnvelope(decoded, hop, plaintext, sealed.nonce(), null, null), null);
        } catch (CryptoException e) {
            return Result.rejected("decryption-failed");
        }
    }

    /** Whether {@code type} is handled by this engine version (others are rejected and counted). */
    static boolean isSupported(MessageType type) {
        return type == MessageType.Chat || type == MessageType.Ack || type == MessageType.ReadReceipt
                || type == MessageType.Heartbeat;
    }
}
