package org.tomprotocol.core.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.state.Backoff;

/**
 * Peers this node was told to join through (bootstrap peers, peers the application added) that it has not
 * reached yet: a first dial can fail (peer not up yet, a lost handshake), and a node left without its only
 * contact would stay alone. Dials again after 1 s, doubling to 30 s, until a session with the peer has come
 * up once. Pure; bounded.
 */
final class JoinRetries {
    private static final int CAPACITY = 1_000;
    private static final long FIRST_RETRY_MS = 1_000;
    private static final long LONGEST_RETRY_MS = 30_000;

    private static final class State {
        long nextDial;
        final Backoff backoff = new Backoff(FIRST_RETRY_MS, LONGEST_RETRY_MS);
    }

    private final Map<NodeId, State> pending = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<NodeId, State> eldest) {
            return size() > CAPACITY;
        }
    };

    /** A join through {@code peer} was asked for and a first dial made at {@code now}. */
    void dialled(NodeId peer, long now) {
        State state = pending.computeIfAbsent(peer, ignored -> new State());
        state.backoff.reset();
        state.nextDial = now + state.backoff.next();
    }

    /** A session with {@code peer} came up: it is joined. */
    void reached(NodeId peer) {
        pending.remove(peer);
    }

    /** The peers to dial again at {@code now}. */
    List<NodeId> due(long now) {
        List<NodeId> due = new ArrayList<>();
        for (Map.Entry<NodeId, State> entry : pending.entrySet()) {
            State state = entry.getValue();
            if (now >= state.nextDial) {
                state.nextDial = now + state.backoff.next();
                due.add(entry.getKey());
            }
        }
        return due;
    }

    int size() {
        return pending.size();
    }
}
