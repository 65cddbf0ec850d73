package org.tomprotocol.discovery.gossip.hyparview;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.state.TokenBucket;

/**
 * How many frames naming other peers (join walks, shuffles, introductions) each neighbour may still send: a
 * token bucket per neighbour, refilled at a steady rate up to a burst. Each such frame makes this node keep,
 * forward or dial something it cannot check, so a neighbour that sends more than the overlay ever needs has
 * the excess dropped; it can send again once its bucket refills.
 */
final class MembershipBudget {
    private final Map<NodeId, TokenBucket> buckets = new HashMap<>();
    private final int perSecond;
    private final int burst;

    MembershipBudget(int perSecond, int burst) {
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /** Takes one frame from {@code peer}'s budget at {@code now}; false when it has none left. */
    boolean take(NodeId peer, long now) {
        return buckets.computeIfAbsent(peer, ignored -> new TokenBucket(burst, perSecond, now)).tryTake(1, now);
    }

    /** Forgets the budgets of peers that are no longer neighbours. */
    void retain(Predicate<NodeId> neighbor) {
        buckets.keySet().removeIf(neighbor.negate());
    }

    int size() {
        return buckets.size();
    }
}
