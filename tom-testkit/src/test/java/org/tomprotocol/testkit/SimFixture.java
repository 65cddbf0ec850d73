package org.tomprotocol.testkit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.spi.transport.Transport;
import org.tomprotocol.spi.transport.TransportException;

/** A virtual runtime, a seeded network and helpers to bind nodes; listener times are relative to the start. */
final class SimFixture {
    /** A bound node. */
    record Peer(NodeId id, Transport transport, RecordingListener listener) {
        TransportAddress address() {
            return transport.localAddresses().getFirst();
        }

        /** Tells this node where {@code other} listens. */
        void learn(Peer other) {
            transport.addPeerAddresses(other.id(), other.transport().localAddresses());
        }

        CompletionStage<Void> send(Peer to, String text) {
            return transport.send(to.id(), FrameChannel.ENVELOPE, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        List<String> received() {
            return listener.frames().stream()
                    .map(frame -> new String(frame.bytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .toList();
        }
    }

    final VirtualRuntime runtime = new VirtualRuntime();
    final long start = runtime.nowMillis();
    final MemoryNetwork network;

    SimFixture(long seed) {
        network = new MemoryNetwork(runtime, seed);
    }

    long elapsed() {
        return runtime.nowMillis() - start;
    }

    Peer peer(int index) throws TransportException {
        return peer(index, TestNodes.DEFAULT_MAX_FRAME);
    }

    Peer peer(int index, int maxFrameBytes) throws TransportException {
        NodeId id = TestNodes.node(index);
        RecordingListener listener = new RecordingListener(this::elapsed);
        Transport transport = TestNodes.bind(network.transportProvider(), id, maxFrameBytes, List.of(), listener);
        return new Peer(id, transport, listener);
    }

    /** Binds two nodes that know each other's address and connects the first to the second. */
    Peer[] connectedPair(int a, int b) throws TransportException {
        Peer first = peer(a);
        Peer second = peer(b);
        first.learn(second);
        CompletionStage<Void> up = first.transport().connect(second.id());
        run(Duration.ofSeconds(1));
        if (!up.toCompletableFuture().isDone() || up.toCompletableFuture().isCompletedExceptionally()) {
            throw new AssertionError("test setup: the session did not come up");
        }
        return new Peer[] {first, second};
    }

    void run(Duration duration) {
        runtime.runFor(duration);
    }
}
