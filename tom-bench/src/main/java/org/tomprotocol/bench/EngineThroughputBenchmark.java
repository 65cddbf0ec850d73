package org.tomprotocol.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.Tom;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.core.engine.InboundVerifier;
import org.tomprotocol.core.wire.EncryptedPayloadCodec;
import org.tomprotocol.core.wire.Envelope;
import org.tomprotocol.core.wire.EnvelopeCodec;
import org.tomprotocol.core.wire.SigningBytes;
import org.tomprotocol.crypto.TomV1CryptoSuiteProvider;
import org.tomprotocol.spi.crypto.CryptoException;
import org.tomprotocol.spi.crypto.LocalIdentity;
import org.tomprotocol.testkit.LinkModel;
import org.tomprotocol.testkit.MemoryNetwork;
import org.tomprotocol.testkit.VirtualRuntime;

/**
 * Messages through the whole engine against the crypto those messages cannot avoid, on one thread.
 *
 * <p>{@link #engine} runs two complete nodes (facade, agent, engine state machines, effect executor, inbound
 * pipeline, mem transport) on the test kit's virtual runtime, where every worker task, agent step and frame
 * delivery runs on the benchmark thread: the time per message is therefore all the CPU the engine spends on
 * it, on both nodes, from {@code send} to the recipient's acknowledgement reaching the sender. Each
 * invocation sends {@value #BATCH} sealed 1 KiB messages and runs until all are delivered.
 *
 * <p>{@link #cryptoOfOneMessage} is the same message's crypto pipeline with no engine around it: seal, sign
 * and encode at the sender; decode, strict verify, open and sign the acknowledgement at the recipient;
 * decode and verify the acknowledgement at the sender. {@link EnvelopePipelineBenchmark#sealSignEncode} plus
 * {@link EnvelopePipelineBenchmark#decodeVerifyOpen} is the bare seal/open pipeline without the
 * acknowledgement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EngineThroughputBenchmark {
    static final int BATCH = 64;
    static final int PAYLOAD_BYTES = 1024;
    private static final Duration BATCH_DEADLINE = Duration.ofSeconds(30);

    private VirtualRuntime runtime;
    private TomNode sender;
    private TomNode recipient;
    private final AtomicLong received = new AtomicLong();
    private byte[] payload;

    private WireFixture fixture;
    private InboundVerifier recipientPipeline;
    private InboundVerifier senderPipeline;
    private byte[] ackWire;

    @Setup(Level.Trial)
    public void setUp() {
        runtime = new VirtualRuntime();
        MemoryNetwork network = new MemoryNetwork(runtime, 1).defaultLink(LinkModel.withLatency(1));
        TomV1CryptoSuiteProvider crypto = new TomV1CryptoSuiteProvider();
        SplittableRandom random = new SplittableRandom(42);
        sender = Tom.node().provider(runtime).serviceLoading(false).provider(crypto)
                .provider(network.transportProvider()).identitySeed(bytes(random, 32)).listen("mem:sender").start();
        recipient = Tom.node().provider(runtime).serviceLoading(false).provider(crypto)
                .provider(network.transportProvider()).identitySeed(bytes(random, 32)).listen("mem:recipient").start();
        recipient.onMessage(message -> received.incrementAndGet());
        sender.addPeer(PeerAddress.of(recipient.id(), TransportAddress.parse("mem:recipient")));
        runtime.runFor(Duration.ofSeconds(2));
        payload = bytes(random, PAYLOAD_BYTES);

        fixture = new WireFixture(PAYLOAD_BYTES);
        recipientPipeline = new InboundVerifier(fixture.suite, fixture.recipient,
                (unsigned, profile) -> signAndEncode(fixture.recipient, unsigned));
        senderPipeline = new InboundVerifier(fixture.suite, fixture.sender,
                (unsigned, profile) -> signAndEncode(fixture.sender, unsigned));
        ackWire = recipientPipeline.verify(fixture.sender.id(), fixture.sealedWire, WireFixture.TIMESTAMP).verified()
                .acknowledgement().wire();
        if (senderPipeline.verify(fixture.recipient.id(), ackWire, WireFixture.TIMESTAMP).verified().ack() == null) {
            throw new IllegalStateException("the fixture acknowledgement must verify at the sender");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sender.close();
        recipient.close();
        runtime.runFor(Duration.ofSeconds(1));
    }

    /** {@value #BATCH} messages from send to acknowledgement through two complete nodes, per message. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long engine() {
        long before = received.get();
        List<OutboundMessage> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            batch.add(sender.send(recipient.id(), payload));
        }
        if (!runtime.runUntil(() -> batch.stream().allMatch(m -> m.status().isDelivered()), BATCH_DEADLINE)
                || received.get() - before != BATCH) {
            throw new IllegalStateException("a benchmark batch was not delivered exactly once");
        }
        return received.get();
    }

    /** The crypto pipeline of one message and its acknowledgement, with no engine around it. */
    @Benchmark
    public Object cryptoOfOneMessage() throws CryptoException {
        byte[] sealed = EncryptedPayloadCodec.encode(fixture.suite.seal(fixture.recipient.id(), fixture.plaintext));
        byte[] wire = signAndEncode(fixture.sender, fixture.chat(sealed, true));
        InboundVerifier.Result atRecipient = recipientPipeline.verify(fixture.sender.id(), wire, WireFixture.TIMESTAMP);
        byte[] ack = atRecipient.verified().acknowledgement().wire();
        return senderPipeline.verify(fixture.recipient.id(), ack, WireFixture.TIMESTAMP);
    }

    static byte[] signAndEncode(LocalIdentity signer, Envelope unsigned) {
        SigningBytes signing = EnvelopeCodec.signingBytes(unsigned);
        return EnvelopeCodec.encode(unsigned.withSignature(signer.sign(signing.bytes())), signing);
    }

    private static byte[] bytes(SplittableRandom random, int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }
}
