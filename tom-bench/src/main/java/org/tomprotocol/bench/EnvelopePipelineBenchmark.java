package org.tomprotocol.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tomprotocol.core.engine.InboundVerifier;
import org.tomprotocol.core.wire.EncryptedPayloadCodec;
import org.tomprotocol.core.wire.Envelope;
import org.tomprotocol.core.wire.EnvelopeCodec;
import org.tomprotocol.core.wire.SigningBytes;
import org.tomprotocol.core.wire.WireProfile;
import org.tomprotocol.spi.crypto.CryptoException;

/**
 * The envelope pipelines as the engine runs them on its worker threads. Outbound is what the node facade and
 * the runtime's envelope signer do (seal, encode the sealed payload, signing bytes, Ed25519 sign, splice the
 * wire form); inbound is {@link InboundVerifier} itself (decode, strict verify by {@code from}, open), with
 * the acknowledgement it prepares built but not signed.
 * Compare with {@link PrimitivesBenchmark}, which times the crypto calls alone over the same sizes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EnvelopePipelineBenchmark {
    @Param({"1024", "65536"})
    int payloadBytes;

    /** The wire profile the envelopes are written in ({@code reference} or {@code compact}). */
    @Param({"reference", "compact"})
    String profile;

    private static final byte[] UNSIGNED_ACK = new byte[0];

    private WireFixture fixture;
    private InboundVerifier recipientPipeline;

    @Setup
    public void setUp() {
        fixture = new WireFixture(payloadBytes, WireProfile.valueOf(profile.toUpperCase(java.util.Locale.ROOT)));
        // The verifier also prepares the acknowledgement a chat needs; signing it is left out here so that the
        // rows compare with the primitives of decode, verify and open alone (EngineThroughputBenchmark counts it).
        recipientPipeline = new InboundVerifier(fixture.suite, fixture.recipient,
                (unsignedAck, ackProfile) -> UNSIGNED_ACK);
        if (recipientPipeline.verify(fixture.sender.id(), fixture.sealedWire, WireFixture.TIMESTAMP).rejectReason() != null
                || recipientPipeline.verify(fixture.sender.id(), fixture.plainWire, WireFixture.TIMESTAMP).rejectReason() != null) {
            throw new IllegalStateException("the fixture envelopes must pass the inbound pipeline");
        }
    }

    /** A plain chat: signing bytes, Ed25519 sign, wire form (the runtime's signAndEncode). */
    @Benchmark
    public byte[] signPlain() {
        return signAndEncode(fixture.plainUnsigned);
    }

    /** A plain chat at its recipient: decode and strict verify. */
    @Benchmark
    public InboundVerifier.Result verifyPlain() {
        return recipientPipeline.verify(fixture.sender.id(), fixture.plainWire, WireFixture.TIMESTAMP);
    }

    /** A sealed chat: seal (fresh ephemeral key and nonce), encode the payload, sign, wire form. */
    @Benchmark
    public byte[] sealSignEncode() throws CryptoException {
        byte[] sealed = EncryptedPayloadCodec.encode(fixture.suite.seal(fixture.recipient.id(), fixture.plaintext),
                fixture.profile);
        return signAndEncode(fixture.chat(sealed, true));
    }

    /** A sealed chat at its recipient: decode, strict verify, decode the sealed payload, open. */
    @Benchmark
    public InboundVerifier.Result decodeVerifyOpen() {
        return recipientPipeline.verify(fixture.sender.id(), fixture.sealedWire, WireFixture.TIMESTAMP);
    }

    private byte[] signAndEncode(Envelope unsigned) {
        SigningBytes signing = EnvelopeCodec.signingBytes(unsigned, fixture.profile);
        byte[] signature = fixture.sender.sign(signing.bytes());
        return EnvelopeCodec.encode(unsigned.withSignature(signature), signing);
    }
}
