package org.tomprotocol.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The crypto calls of the pipelines in {@link EnvelopePipelineBenchmark}, alone, over exactly the data the
 * pipelines hand them: Ed25519 over the signing bytes of the plain and of the sealed envelope of
 * {@code payloadBytes} in each wire profile (the compact ones are shorter), XChaCha20-Poly1305 over the plaintext
 * (and its ciphertext).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PrimitivesBenchmark {
    @Param({"1024", "65536"})
    int payloadBytes;

    private WireFixture fixture;
    private WireFixture compact;
    private byte[] key;
    private byte[] nonce;
    private byte[] ciphertext;

    @Setup
    public void setUp() {
        fixture = new WireFixture(payloadBytes);
        compact = new WireFixture(payloadBytes, org.tomprotocol.core.wire.WireProfile.COMPACT);
        key = new byte[32];
        Arrays.fill(key, (byte) 7);
        nonce = new byte[24];
        Arrays.fill(nonce, (byte) 9);
        ciphertext = BarePrimitives.xchachaEncrypt(key, nonce, fixture.plaintext);
    }

    @Benchmark
    public byte[] ed25519SignPlainEnvelope() {
        return fixture.sender.sign(fixture.plainSigningBytes);
    }

    @Benchmark
    public boolean ed25519VerifyPlainEnvelope() {
        return fixture.suite.verify(fixture.sender.id(), fixture.plainSigningBytes, fixture.plainSignature);
    }

    @Benchmark
    public byte[] ed25519SignSealedEnvelope() {
        return fixture.sender.sign(fixture.sealedSigningBytes);
    }

    @Benchmark
    public boolean ed25519VerifySealedEnvelope() {
        return fixture.suite.verify(fixture.sender.id(), fixture.sealedSigningBytes, fixture.sealedSignature);
    }

    @Benchmark
    public byte[] ed25519SignPlainEnvelopeCompact() {
        return compact.sender.sign(compact.plainSigningBytes);
    }

    @Benchmark
    public boolean ed25519VerifyPlainEnvelopeCompact() {
        return compact.suite.verify(compact.sender.id(), compact.plainSigningBytes, compact.plainSignature);
    }

    @Benchmark
    public byte[] ed25519SignSealedEnvelopeCompact() {
        return compact.sender.sign(compact.sealedSigningBytes);
    }

    @Benchmark
    public boolean ed25519VerifySealedEnvelopeCompact() {
        return compact.suite.verify(compact.sender.id(), compact.sealedSigningBytes, compact.sealedSignature);
    }

    @Benchmark
    public byte[] xchacha20Poly1305Encrypt() {
        return BarePrimitives.xchachaEncrypt(key, nonce, fixture.plaintext);
    }

    @Benchmark
    public byte[] xchacha20Poly1305Decrypt() {
        return BarePrimitives.xchachaDecrypt(key, nonce, ciphertext);
    }
}
