package org.tomprotocol.core.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.state.Backoff;

/**
 * The relay's side of hole punching: when this node relays between two peers it has sessions with, it
 * introduces them to each other — each gets the other's candidates, the address this node observes first —
 * so they can open a direct path. A pair that keeps needing the relay is introduced again with a backoff
 * (1 s doubling to 30 s), which starts over after a minute of quiet. Pure; bounded.
 */
final class Introductions {
    private static final int CAPACITY = 10_000;

    /** What to send: to {@code recipient}, the other peer and its candidates. */
    record Introduction(NodeId recipient, NodeId peer, List<TransportAddress> candidates) {
    }

    private record Pair(NodeId low, NodeId high) {
        static Pair of(NodeId a, NodeId b) {
            return a.compareTo(b) < 0 ? new Pair(a, b) : new Pair(b, a);
        }
    }

    private static final class PairState {
        long nextAllowed;
        final Backoff interval = new Backoff(ProtocolConstants.MIN_REINTRODUCTION_MS,
                ProtocolConstants.MAX_REINTRODUCTION_MS);
        long last;
    }

    private final PeerTable peers;
    private final Map<Pair, PairState> pairs = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Pair, PairState> eldest) {
            return size() > CAPACITY;
        }
    };

    Introductions(PeerTable peers) {
        this.peers = peers;
    }

    /** This node relayed from {@code sender} to {@code recipient}; returns the introductions due, maybe none. */
    List<Introduction> relayed(NodeId sender, NodeId recipient, long now) {
        PeerRecord a = peers.get(sender);
        PeerRecord b = peers.get(recipient);
        if (a == null || b == null || !a.hasSession() || !b.hasSession()) {
            return List.of();
        }
        PairState pair = pairs.computeIfAbsent(Pair.of(sender, recipient), ignored -> new PairState());
        if (now - pair.last > ProtocolConstants.REINTRODUCTION_RESET_MS) {
            pair.interval.reset();
            pair.nextAllowed = 0;
        }
        if (now < pair.nextAllowed) {
            return List.of();
        }
        pair.last = now;
        pair.nextAllowed = now + pair.interval.next();
        return List.of(new Introduction(sender, recipient, candidates(b)), new Introduction(recipient, sender, candidates(a)));
    }

    private static List<TransportAddress> candidates(PeerRecord peer) {
        List<TransportAddress> candidates = new ArrayList<>();
        if (peer.observed() != null) {
            candidates.add(peer.observed());
        }
        for (TransportAddress address : peer.addresses()) {
            if (!candidates.contains(address)) {
                candidates.add(address);
            }
        }
        return candidates;
    }
}
