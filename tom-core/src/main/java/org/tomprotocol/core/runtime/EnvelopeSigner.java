package org.tomprotocol.core.runtime;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.engine.VerifiedEnvelope;
import org.tomprotocol.core.wire.EncryptedPayloadCodec;
import org.tomprotocol.core.wire.Envelope;
import org.tomprotocol.core.wire.EnvelopeCodec;
import org.tomprotocol.core.wire.PeerAnnounce;
import org.tomprotocol.core.wire.SigningBytes;
import org.tomprotocol.core.wire.WireProfile;
import org.tomprotocol.spi.crypto.CryptoException;
import org.tomprotocol.spi.crypto.CryptoSuite;
import org.tomprotocol.spi.crypto.LocalIdentity;

/** The costly outbound work, run on worker threads: seal, sign, encode. Stateless and thread-safe. */
final class EnvelopeSigner implements org.tomprotocol.core.engine.EnvelopeSealer {
    private final CryptoSuite crypto;
    private final LocalIdentity identity;
    private final CryptoTimes times;

    EnvelopeSigner(CryptoSuite crypto, LocalIdentity identity, CryptoTimes times) {
        this.crypto = crypto;
        this.identity = identity;
        this.times = times;
    }

    /**
     * Seals {@code plaintext} to {@code recipient} and encodes it as an envelope payload (encrypt, then sign later).
     * The payload is kept in the compact profile: rewriting it for a reference-profile attempt costs what writing it
     * that way at first would have, and a compact attempt then costs nothing more.
     */
    byte[] seal(NodeId recipient, byte[] plaintext) throws CryptoException {
        return seal(recipient, plaintext, WireProfile.COMPACT);
    }

    /** Seals {@code plaintext} to {@code recipient}, encoded as a payload of {@code profile}. */
    byte[] seal(NodeId recipient, byte[] plaintext, WireProfile profile) throws CryptoException {
        return EncryptedPayloadCodec.encode(crypto.seal(recipient, plaintext), profile);
    }

    /** Signs an unsigned envelope in the reference profile and returns its wire form. */
    byte[] signAndEncode(Envelope unsigned) {
        return signAndEncode(unsigned, WireProfile.REFERENCE);
    }

    @Override
    public byte[] signAndEncode(Envelope unsigned, WireProfile profile) {
        SigningBytes signing = EnvelopeCodec.signingBytes(unsigned, profile);
        byte[] signature = sign(signing.bytes());
        return EnvelopeCodec.encode(unsigned.withSignature(signature), signing);
    }

    /** {@code unsigned} with this node's signature. */
    Envelope signed(Envelope unsigned) {
        return unsigned.withSignature(sign(EnvelopeCodec.signingBytes(unsigned).bytes()));
    }

    /** The wire form of a verified envelope passed on with one hop less; its signature still holds. */
    static byte[] forwarded(VerifiedEnvelope verified) {
        Envelope envelope = verified.envelope();
        return EnvelopeCodec.encode(envelope.withTtl(envelope.ttl() - 1), verified.decoded().signingBytes());
    }

    byte[] signAnnounce(PeerAnnounce unsigned) {
        return unsigned.withSignature(sign(unsigned.signingBytes())).encode();
    }

    private byte[] sign(byte[] message) {
        long start = times.start();
        try {
            return identity.sign(message);
        } finally {
            times.stop(CryptoTimes.Operation.SIGN, start);
        }
    }

    /** The announce if its signature by its node holds, else {@code null}. */
    PeerAnnounce verifyAnnounce(PeerAnnounce announce) {
        return announce.signature().length == Envelope.SIGNATURE_LENGTH
                && crypto.verify(announce.nodeId(), announce.signingBytes(), announce.signature()) ? announce : null;
    }
}
