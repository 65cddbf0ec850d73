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
import org.tomprotocol.core.wire.DecodedEnvelope;
import org.tomprotocol.core.wire.EncryptedPayloadCodec;
import org.tomprotocol.core.wire.Envelope;
import org.tomprotocol.core.wire.EnvelopeCodec;
import org.tomprotocol.core.wire.SigningBytes;
import org.tomprotocol.core.wire.WireException;
import org.tomprotocol.spi.crypto.SealedPayload;

/**
 * The codec steps of the sealed-chat pipelines alone (no crypto): where the pipeline overhead over the bare
 * primitives goes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CodecBenchmark {
    @Param({"1024", "65536"})
    int payloadBytes;

    private WireFixture fixture;
    private SealedPayload sealed;
    private Envelope sealedUnsigned;
    private Envelope sealedSigned;
    private SigningBytes signing;

    @Setup
    public void setUp() throws WireException {
        fixture = new WireFixture(payloadBytes);
        sealed = EncryptedPayloadCodec.decode(fixture.sealedPayload);
        sealedUnsigned = fixture.chat(fixture.sealedPayload, true);
        signing = EnvelopeCodec.signingBytes(sealedUnsigned);
        sealedSigned = sealedUnsigned.withSignature(fixture.sealedSignature);
    }

    /** Outbound: the sealed payload, the signing bytes, the spliced wire form. */
    @Benchmark
    public byte[] encodeSealedChat() {
        byte[] payload = EncryptedPayloadCodec.encode(sealed);
        SigningBytes bytes = EnvelopeCodec.signingBytes(fixture.chat(payload, true));
        return EnvelopeCodec.encode(sealedSigned, bytes);
    }

    /** Inbound: the envelope (with its signing bytes), then the sealed payload inside it. */
    @Benchmark
    public SealedPayload decodeSealedChat() throws WireException {
        DecodedEnvelope decoded = EnvelopeCodec.decode(fixture.sealedWire);
        return EncryptedPayloadCodec.decode(decoded.envelope().payload());
    }

    @Benchmark
    public SigningBytes signingBytesOfSealedChat() {
        return EnvelopeCodec.signingBytes(sealedUnsigned);
    }

    @Benchmark
    public byte[] spliceSealedChat() {
        return EnvelopeCodec.encode(sealedSigned, signing);
    }
}
