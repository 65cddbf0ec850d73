package org.tomprotocol.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.crypto.TomV1Suite;
import org.tomprotocol.spi.crypto.CryptoException;

/**
 * The size-independent crypto of a seal and an open: the fresh randomness, the recipient's node id turned
 * into an X25519 key, the ephemeral X25519 key pair, the X25519 agreement and HKDF-SHA256.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class KeyAgreementBenchmark {
    private final TomV1Suite suite = new TomV1Suite();
    private NodeId recipient;
    private byte[] secret;
    private byte[] recipientX25519;
    private byte[] shared;

    @Setup
    public void setUp() throws CryptoException {
        WireFixture fixture = new WireFixture(0);
        recipient = fixture.recipient.id();
        secret = suite.x25519SecretFromSeed(new byte[32]);
        recipientX25519 = suite.x25519PublicKey(recipient);
        shared = BarePrimitives.x25519(secret, recipientX25519);
    }

    @Benchmark
    public byte[] sealRandomness() {
        return BarePrimitives.sealRandomness();
    }

    @Benchmark
    public byte[] edwardsToMontgomery() throws CryptoException {
        return suite.x25519PublicKey(recipient);
    }

    @Benchmark
    public byte[] x25519PublicKey() {
        return suite.x25519PublicFromSecret(secret);
    }

    @Benchmark
    public byte[] x25519Agreement() {
        return BarePrimitives.x25519(secret, recipientX25519);
    }

    @Benchmark
    public byte[] hkdfSha256() {
        return BarePrimitives.hkdf(shared);
    }
}
