package org.tomprotocol.bench.hostile;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.core.wire.Envelope;
import org.tomprotocol.core.wire.EnvelopeCodec;
import org.tomprotocol.crypto.TomV1Suite;
import org.tomprotocol.spi.crypto.LocalIdentity;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.spi.transport.Transport;
import org.tomprotocol.spi.transport.TransportContext;
import org.tomprotocol.spi.transport.TransportListener;
import org.tomprotocol.transport.quic.QuicTransportProvider;

/**
 * A hostile peer on real QUIC: an identity of its own and the QUIC transport, so the victim authenticates it
 * like any node, and frames it crafts and signs itself. Counts the bytes of every frame it sends.
 */
final class Attacker implements AutoCloseable {
    static final TomV1Suite SUITE = new TomV1Suite();

    final LocalIdentity identity = SUITE.generateIdentity();
    final Transport transport;
    final AtomicLong framesSent = new AtomicLong();
    final AtomicLong bytesSent = new AtomicLong();

    Attacker(TransportListener listener) throws Exception {
        transport = new QuicTransportProvider().bind(new TransportContext(identity, SUITE,
                List.of(TransportAddress.parse("quic:127.0.0.1:0")), 1 << 20, Map.of(), listener));
    }

    NodeId id() {
        return identity.id();
    }

    /** Where this attacker listens on loopback. */
    TransportAddress address() {
        return transport.localAddresses().stream().filter(a -> a.address().startsWith("127.0.0.1:")).findFirst()
                .orElseThrow();
    }

    void connect(NodeId peer, TransportAddress address) throws Exception {
        transport.addPeerAddresses(peer, List.of(address));
        transport.connect(peer).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    CompletionStage<Void> send(NodeId peer, FrameChannel channel, byte[] frame) {
        framesSent.incrementAndGet();
        bytesSent.addAndGet(frame.length);
        return transport.send(peer, channel, frame);
    }

    byte[] sign(Envelope envelope) {
        var signing = EnvelopeCodec.signingBytes(envelope);
        return EnvelopeCodec.encode(envelope.withSignature(identity.sign(signing.bytes())), signing);
    }

    /** Sends {@code frames} to {@code peer} as fast as {@code window} frames in flight allow, until {@code end}. */
    void flood(NodeId peer, FrameChannel channel, Supplier<byte[]> frames, int window, long endNanos)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(window);
        while (System.nanoTime() < endNanos) {
            if (!inFlight.tryAcquire(10, TimeUnit.MILLISECONDS)) {
                continue;
            }
            send(peer, channel, frames.get()).whenComplete((ignored, error) -> inFlight.release());
        }
    }

    @Override
    public void close() {
        transport.close();
    }
}
