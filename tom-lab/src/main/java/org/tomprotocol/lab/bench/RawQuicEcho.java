package org.tomprotocol.lab.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.cli.output.Samples;
import org.tomprotocol.spi.crypto.CryptoSuite;
import org.tomprotocol.spi.crypto.LocalIdentity;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.spi.transport.Transport;
import org.tomprotocol.spi.transport.TransportContext;
import org.tomprotocol.spi.transport.TransportListener;
import org.tomprotocol.spi.transport.TransportProvider;

/**
 * The baseline: the QUIC transport alone — Netty QUIC with the same identity-pinned TLS 1.3 and the same
 * frame-per-stream framing — echoing frames, with no ToM engine and no per-message cryptography.
 */
final class RawQuicEcho implements AutoCloseable {
    private final Transport client;
    private final Transport server;
    private final NodeId serverId;
    private final Map<Integer, CompletableFuture<Long>> waiting = new ConcurrentHashMap<>();

    RawQuicEcho(TransportProvider quic, CryptoSuite suite) throws Exception {
        LocalIdentity clientIdentity = suite.generateIdentity();
        LocalIdentity serverIdentity = suite.generateIdentity();
        AtomicReference<Transport> serverRef = new AtomicReference<>();
        server = quic.bind(new TransportContext(serverIdentity, suite, List.of(TransportAddress.parse("127.0.0.1:0")),
                1 << 20, Map.of(), new Listener((peer, frame) -> serverRef.get().send(peer, FrameChannel.ENVELOPE, frame))));
        serverRef.set(server);
        client = quic.bind(new TransportContext(clientIdentity, suite, List.of(TransportAddress.parse("127.0.0.1:0")),
                1 << 20, Map.of(), new Listener((peer, frame) -> {
                    CompletableFuture<Long> reply = waiting.remove(sequence(frame));
                    if (reply != null) {
                        reply.complete(System.nanoTime());
                    }
                })));
        serverId = serverIdentity.id();
        client.addPeerAddresses(serverId, server.localAddresses().stream()
                .filter(a -> a.address().startsWith("127.0.0.1:")).toList());
        client.connect(serverId).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static int sequence(byte[] frame) {
        return ((frame[0] & 0xff) << 24) | ((frame[1] & 0xff) << 16) | ((frame[2] & 0xff) << 8) | (frame[3] & 0xff);
    }

    private static byte[] frame(int sequence, int size) {
        byte[] frame = new byte[size];
        frame[0] = (byte) (sequence >>> 24);
        frame[1] = (byte) (sequence >>> 16);
        frame[2] = (byte) (sequence >>> 8);
        frame[3] = (byte) sequence;
        return frame;
    }

    /** Round-trip times of {@code count} sequential echoes. */
    Samples roundTrips(int count, int size, int firstSequence) throws Exception {
        Samples samples = new Samples(count);
        for (int i = 0; i < count; i++) {
            int sequence = firstSequence + i;
            CompletableFuture<Long> reply = new CompletableFuture<>();
            waiting.put(sequence, reply);
            long start = System.nanoTime();
            client.send(serverId, FrameChannel.ENVELOPE, frame(sequence, size));
            samples.add(reply.get(10, TimeUnit.SECONDS) - start);
        }
        return samples;
    }

    /** Echoes per second with {@code window} frames outstanding. */
    double throughput(int count, int size, int window, int firstSequence) throws Exception {
        Semaphore permits = new Semaphore(window);
        CompletableFuture<?>[] all = new CompletableFuture<?>[count];
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            permits.acquire();
            int sequence = firstSequence + i;
            CompletableFuture<Long> reply = new CompletableFuture<>();
            reply.whenComplete((t, e) -> permits.release());
            waiting.put(sequence, reply);
            all[i] = reply;
            client.send(serverId, FrameChannel.ENVELOPE, frame(sequence, size));
        }
        CompletableFuture.allOf(all).get(120, TimeUnit.SECONDS);
        return count / ((System.nanoTime() - start) / 1e9);
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }

    private record Listener(java.util.function.BiConsumer<NodeId, byte[]> frames) implements TransportListener {
        @Override
        public void onFrame(NodeId peer, FrameChannel channel, byte[] frame) {
            frames.accept(peer, frame);
        }

        @Override
        public void onConnected(NodeId peer, TransportAddress remote) {
        }

        @Override
        public void onDisconnected(NodeId peer, String reason) {
        }
    }
}
