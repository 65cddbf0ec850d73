package org.tomprotocol.bench;

import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tomprotocol.spi.crypto.CryptoException;
import org.tomprotocol.spi.crypto.CryptoSuite;
import org.tomprotocol.spi.crypto.CryptoSuiteProvider;
import org.tomprotocol.spi.crypto.LocalIdentity;
import org.tomprotocol.spi.crypto.SealedPayload;
import org.tomprotocol.spi.crypto.SymmetricCiphertext;

/**
 * The providers of {@code tom-v1} side by side, through the suite API the engine calls: sign, strict verify, seal to
 * a node id, open, and the symmetric AEAD, over {@code payloadBytes} (1 KiB and the largest payload a message
 * carries). Run: {@code java -jar tom-bench/target/benchmarks.jar CryptoSuitesBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CryptoSuitesBenchmark {
    @Param({"tom-v1", "tom-v1-sodium"})
    String provider;

    @Param({"1024", "65114"})
    int payloadBytes;

    private CryptoSuite suite;
    private LocalIdentity sender;
    private LocalIdentity recipient;
    private byte[] payload;
    private byte[] signature;
    private SealedPayload sealed;
    private byte[] key;
    private SymmetricCiphertext encrypted;

    @Setup
    public void setUp() throws CryptoException {
        suite = ServiceLoader.load(CryptoSuiteProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals(provider)).findFirst().orElseThrow().suite();
        SplittableRandom random = new SplittableRandom(42);
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        sender = suite.identityFromSeed(seed);
        random.nextBytes(seed);
        recipient = suite.identityFromSeed(seed);
        payload = new byte[payloadBytes];
        random.nextBytes(payload);
        signature = sender.sign(payload);
        sealed = suite.seal(recipient.id(), payload);
        key = suite.newSymmetricKey();
        encrypted = suite.encrypt(key, payload);
    }

    @Benchmark
    public byte[] sign() {
        return sender.sign(payload);
    }

    @Benchmark
    public boolean verify() {
        return suite.verify(sender.id(), payload, signature);
    }

    @Benchmark
    public SealedPayload seal() throws CryptoException {
        return suite.seal(recipient.id(), payload);
    }

    @Benchmark
    public byte[] open() throws CryptoException {
        return suite.open(recipient, sealed);
    }

    @Benchmark
    public SymmetricCiphertext encrypt() throws CryptoException {
        return suite.encrypt(key, payload);
    }

    @Benchmark
    public byte[] decrypt() throws CryptoException {
        return suite.decrypt(key, encrypted);
    }
}
