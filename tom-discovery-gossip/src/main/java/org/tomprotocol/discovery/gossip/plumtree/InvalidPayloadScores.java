package org.tomprotocol.discovery.gossip.plumtree;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.state.DecayingCount;

/**
 * How many invalid payloads each sender sent lately, as a score that halves every {@value #HALF_LIFE_MILLIS} ms.
 * It shrinks the sender's share of the pending validations: the more junk a peer sent recently, the fewer of
 * its payloads are checked at once, down to one — a cost that grows with the abuse and fades with time,
 * never a block. Bounded: the least recently scored sender is forgotten first.
 */
final class InvalidPayloadScores {
    static final long HALF_LIFE_MILLIS = 60_000;
    static final int CAPACITY = 256;

    private final Map<NodeId, DecayingCount> scores = new LinkedHashMap<>(16, 0.75f, true);

    /** {@code sender} sent an invalid payload at {@code now}. */
    void invalid(NodeId sender, long now) {
        scores.computeIfAbsent(sender, ignored -> new DecayingCount(HALF_LIFE_MILLIS)).add(1, now);
        if (scores.size() > CAPACITY) {
            Iterator<NodeId> eldest = scores.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
    }

    /** {@code base} divided by one plus the sender's current score, at least 1. */
    int allowance(NodeId sender, int base, long now) {
        DecayingCount score = scores.get(sender);
        if (score == null) {
            return base;
        }
        return (int) Math.max(1, Math.floor(base / (1 + score.value(now))));
    }

    /** The sender's current score (0 for a sender never scored). */
    double score(NodeId sender, long now) {
        DecayingCount score = scores.get(sender);
        return score == null ? 0 : score.value(now);
    }
}
