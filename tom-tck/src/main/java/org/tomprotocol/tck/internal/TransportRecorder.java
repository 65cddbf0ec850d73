package org.tomprotocol.tck.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.spi.transport.TransportListener;

/**
 * Records everything a transport reports to its listener, from whichever thread, and checks as it goes that
 * session events alternate for each peer (up, down, up…), as the engine assumes when it counts sessions.
 */
public final class TransportRecorder implements TransportListener {
    /** A frame as the listener received it. */
    public record Frame(NodeId peer, FrameChannel channel, byte[] bytes) {
        /** The frame read as UTF-8 text (the TCK's frames are text, padded for size checks). */
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** A session event or a rejection. */
    public record Event(String kind, NodeId peer, String detail) {
    }

    private final List<Frame> frames = new CopyOnWriteArrayList<>();
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<Throwable> fatalErrors = new CopyOnWriteArrayList<>();
    private final List<String> alternationViolations = new CopyOnWriteArrayList<>();
    private final Map<NodeId, Boolean> up = new HashMap<>();
    private volatile Consumer<Frame> frameHook;
    private volatile java.util.function.BiConsumer<NodeId, org.tomprotocol.spi.transport.Signal> signalling =
            (peer, signal) -> { };
    private final List<org.tomprotocol.spi.transport.Signal> signalsSent = new CopyOnWriteArrayList<>();

    /** Where the signals of a {@code SIGNALLED} transport go: to the peer's transport, as a node would carry them. */
    public void carrySignalsWith(java.util.function.BiConsumer<NodeId, org.tomprotocol.spi.transport.Signal> carrier) {
        this.signalling = carrier;
    }

    @Override
    public void sendSignal(NodeId peer, org.tomprotocol.spi.transport.Signal signal) {
        signalsSent.add(signal);
        signalling.accept(peer, signal);
    }

    /** The signals the transport asked the node to carry. */
    public List<org.tomprotocol.spi.transport.Signal> signalsSent() {
        return List.copyOf(signalsSent);
    }

    /** Runs {@code hook} on the transport's thread for every frame before it is recorded; it may throw. */
    public void onEveryFrame(Consumer<Frame> hook) {
        this.frameHook = hook;
    }

    @Override
    public void onFrame(NodeId peer, FrameChannel channel, byte[] frame) {
        Frame received = new Frame(peer, channel, frame);
        Consumer<Frame> hook = frameHook;
        if (hook != null) {
            hook.accept(received);
        }
        frames.add(received);
    }

    @Override
    public void onConnected(NodeId peer, TransportAddress remote) {
        session(peer, true);
        events.add(new Event("connected", peer, String.valueOf(remote)));
    }

    @Override
    public void onDisconnected(NodeId peer, String reason) {
        session(peer, false);
        events.add(new Event("disconnected", peer, reason));
    }

    @Override
    public void onRejected(NodeId peer, String reason) {
        events.add(new Event("rejected", peer, reason));
    }

    @Override
    public void onFatalError(Throwable error) {
        fatalErrors.add(error);
    }

    private void session(NodeId peer, boolean nowUp) {
        synchronized (up) {
            boolean wasUp = up.getOrDefault(peer, false);
            if (wasUp == nowUp) {
                alternationViolations.add((nowUp ? "onConnected" : "onDisconnected") + " for " + peer.shortForm()
                        + (nowUp ? " while its session was already reported up" : " without a session reported up"));
            }
            up.put(peer, nowUp);
        }
    }

    /** Every frame received so far, in order of arrival. */
    public List<Frame> frames() {
        return List.copyOf(frames);
    }

    /** The texts of the frames received from {@code peer}. */
    public List<String> textsFrom(NodeId peer) {
        List<String> texts = new ArrayList<>();
        for (Frame frame : frames) {
            if (frame.peer().equals(peer)) {
                texts.add(frame.text());
            }
        }
        return texts;
    }

    /** How many frames with exactly this text arrived from {@code peer}. */
    public long copiesOf(NodeId peer, String text) {
        return textsFrom(peer).stream().filter(text::equals).count();
    }

    /** Whether a frame with exactly this text arrived from {@code peer}. */
    public boolean received(NodeId peer, String text) {
        return copiesOf(peer, text) > 0;
    }

    /** The events of {@code kind} about {@code peer}; {@code peer} null means any. */
    public List<Event> events(String kind, NodeId peer) {
        return events.stream()
                .filter(event -> event.kind().equals(kind) && (peer == null || peer.equals(event.peer())))
                .toList();
    }

    /** How many events of {@code kind} about {@code peer}. */
    public int count(String kind, NodeId peer) {
        return events(kind, peer).size();
    }

    /** Sessions with {@code peer} reported up and not down since. */
    public int sessionsUp(NodeId peer) {
        return count("connected", peer) - count("disconnected", peer);
    }

    /** The errors reported as fatal. */
    public List<Throwable> fatalErrors() {
        return List.copyOf(fatalErrors);
    }

    /** Session events out of turn: a second "up" without a "down" between, or a "down" with nothing up. */
    public List<String> alternationViolations() {
        return List.copyOf(alternationViolations);
    }
}
