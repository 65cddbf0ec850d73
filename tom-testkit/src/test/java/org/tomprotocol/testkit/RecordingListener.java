package org.tomprotocol.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.LongSupplier;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.spi.transport.TransportListener;

/** Records what a transport reports, with the clock time of each call; thread-safe for real-time tests. */
final class RecordingListener implements TransportListener {
    record Frame(long atMillis, NodeId from, FrameChannel channel, byte[] bytes) {
    }

    record Connected(long atMillis, NodeId peer, TransportAddress remote) {
    }

    record Disconnected(long atMillis, NodeId peer, String reason) {
    }

    record Rejected(long atMillis, NodeId peer, String reason) {
    }

    private final LongSupplier clock;
    private final List<Frame> frames = new ArrayList<>();
    private final List<Connected> connected = new ArrayList<>();
    private final List<Disconnected> disconnected = new ArrayList<>();
    private final List<Rejected> rejected = new ArrayList<>();
    final CountDownLatch firstFrame = new CountDownLatch(1);
    final CountDownLatch firstConnected = new CountDownLatch(1);

    RecordingListener(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void onFrame(NodeId peer, FrameChannel channel, byte[] frame) {
        frames.add(new Frame(clock.getAsLong(), peer, channel, frame));
        firstFrame.countDown();
    }

    @Override
    public synchronized void onConnected(NodeId peer, TransportAddress remote) {
        connected.add(new Connected(clock.getAsLong(), peer, remote));
        firstConnected.countDown();
    }

    @Override
    public synchronized void onDisconnected(NodeId peer, String reason) {
        disconnected.add(new Disconnected(clock.getAsLong(), peer, reason));
    }

    @Override
    public synchronized void onRejected(NodeId peer, String reason) {
        rejected.add(new Rejected(clock.getAsLong(), peer, reason));
    }

    synchronized List<Frame> frames() {
        return List.copyOf(frames);
    }

    synchronized List<Connected> connected() {
        return List.copyOf(connected);
    }

    synchronized List<Disconnected> disconnected() {
        return List.copyOf(disconnected);
    }

    synchronized List<Rejected> rejected() {
        return List.copyOf(rejected);
    }

    synchronized boolean heardAnything() {
        return !frames.isEmpty() || !connected.isEmpty() || !disconnected.isEmpty() || !rejected.isEmpty();
    }
}
