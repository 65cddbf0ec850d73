package org.tomprotocol.core.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.state.Backoff;

/**
 * The originator's side of "relay first, then direct": for each peer this node has to reach through a
 * relay, when to try (again) to open a direct session, and with which candidates (the last introduction's,
 * else the peer's known addresses). Attempts back off from 1 s, doubling to 30 s, while the peer is still
 * reached through a relay; a session coming up ends them. Pure; bounded.
 */
final class DirectAttempts {
    private static final int CAPACITY = 10_000;
    /** Relayed traffic this recent keeps a peer worth a direct path. */
    private static final long WANTED_FOR_MS = 60_000;

    /** A direct attempt to make now: {@code candidates} empty means "dial the known addresses". */
    record Attempt(NodeId peer, List<TransportAddress> candidates) {
    }

    private static final class State {
        List<TransportAddress> candidates = List.of();
        long lastRelayedAt;
        long nextAttempt;
        final Backoff backoff = new Backoff(ProtocolConstants.MIN_REINTRODUCTION_MS,
                ProtocolConstants.MAX_REINTRODUCTION_MS);
    }

    private final Map<NodeId, State> peers = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<NodeId, State> eldest) {
            return size() > CAPACITY;
        }
    };

    /** A message to {@code peer} went through a relay. */
    void relayed(NodeId peer, long now) {
        peers.computeIfAbsent(peer, ignored -> new State()).lastRelayedAt = now;
    }

    /**
     * A relay introduced {@code peer}: try its candidates now. Later attempts come only while this node keeps
     * relaying traffic to the peer ({@link #relayed}): an introduction alone earns one attempt, so a neighbour
     * sending introductions cannot make this node probe again and again.
     */
    Attempt introduced(NodeId peer, List<TransportAddress> candidates, long now) {
        State state = peers.get(peer);
        if (state == null) {
            return new Attempt(peer, List.copyOf(candidates));
        }
        state.candidates = List.copyOf(candidates);
        return attempt(peer, state, now);
    }

    /** A direct session to {@code peer} is up: nothing more to try. */
    void sessionUp(NodeId peer) {
        peers.remove(peer);
    }

    /** The attempts due at {@code now}, for peers without a session ({@code hasSession} says which have one). */
    List<Attempt> due(long now, java.util.function.Predicate<NodeId> hasSession) {
        List<Attempt> due = new ArrayList<>();
        peers.entrySet().removeIf(entry -> now - entry.getValue().lastRelayedAt > WANTED_FOR_MS);
        for (Map.Entry<NodeId, State> entry : peers.entrySet()) {
            if (now >= entry.getValue().nextAttempt && !hasSession.test(entry.getKey())) {
                due.add(attempt(entry.getKey(), entry.getValue(), now));
            }
        }
        return due;
    }

    private static Attempt attempt(NodeId peer, State state, long now) {
        state.nextAttempt = now + state.backoff.next();
        return new Attempt(peer, state.candidates);
    }
}
