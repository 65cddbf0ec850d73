package org.tomprotocol.bench;

import java.util.List;
import java.util.SplittableRandom;

import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.EncryptedPayloadCodec;
import org.tomprotocol.core.wire.Envelope;
import org.tomprotocol.core.wire.EnvelopeCodec;
import org.tomprotocol.core.wire.MessageType;
import org.tomprotocol.core.wire.SigningBytes;
import org.tomprotocol.core.wire.WireProfile;
import org.tomprotocol.crypto.TomV1Suite;
import org.tomprotocol.spi.crypto.CryptoException;
import org.tomprotocol.spi.crypto.LocalIdentity;

/**
 * The envelopes the benchmarks work on: a plain and a sealed chat of {@code payloadBytes} random bytes from
 * a sender to a recipient (direct, ttl 4), already signed and encoded in one wire profile, plus their signing
 * bytes, so that the bare primitives can be measured over exactly the data sizes the pipeline feeds them.
 */
final class WireFixture {
    static final long TIMESTAMP = 1_767_225_600_000L;

    final TomV1Suite suite = new TomV1Suite();
    final WireProfile profile;
    final LocalIdentity sender;
    final LocalIdentity recipient;
    final byte[] plaintext;
    final Envelope plainUnsigned;
    final byte[] plainSigningBytes;
    final byte[] plainSignature;
    final byte[] plainWire;
    final byte[] sealedPayload;
    final byte[] sealedSigningBytes;
    final byte[] sealedSignature;
    final byte[] sealedWire;

    WireFixture(int payloadBytes) {
        this(payloadBytes, WireProfile.REFERENCE);
    }

    WireFixture(int payloadBytes, WireProfile profile) {
        this.profile = profile;
        SplittableRandom random = new SplittableRandom(payloadBytes);
        sender = suite.identityFromSeed(bytes(random, 32));
        recipient = suite.identityFromSeed(bytes(random, 32));
        plaintext = bytes(random, payloadBytes);

        plainUnsigned = chat(plaintext, false);
        SigningBytes plainSigning = EnvelopeCodec.signingBytes(plainUnsigned, profile);
        plainSigningBytes = plainSigning.bytes();
        plainSignature = sender.sign(plainSigningBytes);
        plainWire = EnvelopeCodec.encode(plainUnsigned.withSignature(plainSignature), plainSigning);

        try {
            sealedPayload = EncryptedPayloadCodec.encode(suite.seal(recipient.id(), plaintext), profile);
        } catch (CryptoException e) {
            throw new IllegalStateException("a key made from a seed is valid", e);
        }
        Envelope sealedUnsigned = chat(sealedPayload, true);
        SigningBytes sealedSigning = EnvelopeCodec.signingBytes(sealedUnsigned, profile);
        sealedSigningBytes = sealedSigning.bytes();
        sealedSignature = sender.sign(sealedSigningBytes);
        sealedWire = EnvelopeCodec.encode(sealedUnsigned.withSignature(sealedSignature), sealedSigning);
    }

    /** A direct chat from sender to recipient, as the engine builds it before signing. */
    Envelope chat(byte[] payload, boolean encrypted) {
        return Envelope.unsigned(new MessageId("6f1c2a4e-8b3d-4f5a-9c7e-1d2b3a4c5d6e"), sender.id(), recipient.id(),
                List.<NodeId>of(), MessageType.Chat, payload, TIMESTAMP, encrypted);
    }

    private static byte[] bytes(SplittableRandom random, int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }
}
