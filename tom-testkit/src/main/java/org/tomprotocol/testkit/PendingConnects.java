package org.tomprotocol.testkit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.transport.TransportException;
import org.tomprotocol.testkit.internal.DeferredActions;

/**
 * The futures waiting for a session to each peer. They belong to the peer, not to one attempt: when two
 * nodes dial each other at once, the waiters of the losing attempt complete with the winning session.
 */
final class PendingConnects {
    private final Map<NodeId, List<CompletableFuture<Void>>> waiters = new HashMap<>();

    CompletableFuture<Void> await(NodeId peer) {
        CompletableFuture<Void> up = new CompletableFuture<>();
        waiters.computeIfAbsent(peer, key -> new ArrayList<>()).add(up);
        return up;
    }

    void complete(NodeId peer, DeferredActions actions) {
        List<CompletableFuture<Void>> pending = waiters.remove(peer);
        if (pending != null) {
            pending.forEach(future -> actions.add(() -> future.complete(null)));
        }
    }

    void fail(NodeId peer, String why, DeferredActions actions) {
        List<CompletableFuture<Void>> pending = waiters.remove(peer);
        if (pending != null) {
            pending.forEach(future -> actions.add(() -> future.completeExceptionally(new TransportException(why))));
        }
    }
}
