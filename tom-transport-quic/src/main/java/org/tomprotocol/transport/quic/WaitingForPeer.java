package org.tomprotocol.transport.quic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;

import org.tomprotocol.spi.transport.TransportException;

/**
 * What waits for one peer: frames to send, oldest first (a frame put back after a lost connection keeps its
 * place); callers of {@code connect}, who make the peer dialled; and watchers of the session, who do not.
 * Event-loop confined.
 */
final class WaitingForPeer {
    private final PriorityQueue<PendingFrame> frames = new PriorityQueue<>(Comparator.comparingLong(f -> f.sequence));
    private final List<CompletableFuture<Void>> connectCallers = new ArrayList<>();
    private final List<CompletableFuture<Void>> sessionWatchers = new ArrayList<>();

    int frames() {
        return frames.size();
    }

    boolean hasFrames() {
        return !frames.isEmpty();
    }

    /** Adds a frame, or puts one back. */
    void add(PendingFrame frame) {
        frames.add(frame);
    }

    /** The oldest frame, removed. */
    PendingFrame next() {
        return frames.poll();
    }

    void addConnectCaller(CompletableFuture<Void> caller) {
        connectCallers.add(caller);
    }

    void addSessionWatcher(CompletableFuture<Void> watcher) {
        sessionWatchers.add(watcher);
    }

    void forgetSessionWatcher(CompletableFuture<Void> watcher) {
        sessionWatchers.remove(watcher);
    }

    /** Whether something here needs a connection to the peer. */
    boolean needsConnection() {
        return hasFrames() || !connectCallers.isEmpty();
    }

    boolean isEmpty() {
        return frames.isEmpty() && connectCallers.isEmpty() && sessionWatchers.isEmpty();
    }

    /** A session is up: every caller and watcher is told. */
    void sessionUp() {
        List<CompletableFuture<Void>> waiters = new ArrayList<>(connectCallers);
        waiters.addAll(sessionWatchers);
        connectCallers.clear();
        sessionWatchers.clear();
        waiters.forEach(waiter -> waiter.complete(null));
    }

    void failConnectCallers(TransportException failure) {
        List<CompletableFuture<Void>> callers = List.copyOf(connectCallers);
        connectCallers.clear();
        callers.forEach(caller -> caller.completeExceptionally(failure));
    }

    /** Frames and callers fail (watchers wait on: they did not ask for a connection). */
    void failAll(TransportException failure) {
        failConnectCallers(failure);
        while (!frames.isEmpty()) {
            fail(frames.poll(), failure);
        }
    }

    /** Fails an engine frame; the transport's own control frames just go. */
    static void fail(PendingFrame frame, TransportException failure) {
        if (frame.isFromEngine()) {
            frame.result.completeExceptionally(failure);
        }
    }
}
