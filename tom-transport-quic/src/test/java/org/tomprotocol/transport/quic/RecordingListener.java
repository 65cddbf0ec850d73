package org.tomprotocol.transport.quic;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.spi.transport.TransportListener;

/** Records what a transport reports, for tests to wait on. */
final class RecordingListener implements TransportListener {
    record Frame(NodeId peer, FrameChannel channel, byte[] payload) {
    }

    record Event(String kind, NodeId peer, String detail) {
    }

    final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    final List<Event> history = new CopyOnWriteArrayList<>();
    final List<List<TransportAddress>> addressChanges = new CopyOnWriteArrayList<>();
    final List<Throwable> fatalErrors = new CopyOnWriteArrayList<>();
    /** When set, frames go here (on the transport's thread) instead of {@link #frames}. */
    volatile Consumer<Frame> frameHook;
    /** When set, runs (on the transport's thread) before a session is recorded as connected. */
    volatile Runnable connectedHook;

    @Override
    public void onFrame(NodeId peer, FrameChannel channel, byte[] frame) {
        Consumer<Frame> hook = frameHook;
        if (hook != null) {
            hook.accept(new Frame(peer, channel, frame));
        } else {
            frames.add(new Frame(peer, channel, frame));
        }
    }

    @Override
    public void onConnected(NodeId peer, TransportAddress remote) {
        Runnable hook = connectedHook;
        if (hook != null) {
            hook.run();
        }
        record(new Event("connected", peer, remote.toString()));
    }

    @Override
    public void onDisconnected(NodeId peer, String reason) {
        record(new Event("disconnected", peer, reason));
    }

    @Override
    public void onRejected(NodeId peer, String reason) {
        record(new Event("rejected", peer, reason));
    }

    @Override
    public void onShed(NodeId peer, String reason) {
        record(new Event("shed", peer, reason));
    }

    @Override
    public void onLocalAddressesChanged(List<TransportAddress> addresses) {
        addressChanges.add(addresses);
    }

    @Override
    public void onFatalError(Throwable error) {
        fatalErrors.add(error);
        record(new Event("fatal", null, error.toString()));
    }

    private void record(Event event) {
        history.add(event);
        events.add(event);
    }

    /** Waits for the next event of {@code kind}, skipping others. */
    Event await(String kind, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Event event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("no '" + kind + "' event within " + timeout + "; history " + history);
            }
            if (event.kind().equals(kind)) {
                return event;
            }
        }
    }

    Frame nextFrame(Duration timeout) throws InterruptedException {
        Frame frame = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (frame == null) {
            throw new AssertionError("no frame within " + timeout + "; history " + history);
        }
        return frame;
    }

    long count(String kind) {
        return history.stream().filter(event -> event.kind().equals(kind)).count();
    }

    long count(String kind, String detail) {
        return history.stream().filter(event -> event.kind().equals(kind) && event.detail().equals(detail)).count();
    }
}
