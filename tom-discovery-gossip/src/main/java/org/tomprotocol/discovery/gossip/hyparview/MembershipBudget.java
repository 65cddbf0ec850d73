package org.tomprotocol.discovery.gossip.hyparview;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

import org.tomprotocol.api.NodeId;

/**
 * How many frames naming other peers (join walks, shuffles, introductions) each neighbour may still send: a
 * token bucket per neighbour, refilled at a steady rate up to a burst. Each such frame makes this node keep,
 * forward or dial something it cannot check, so a neighbour that sends more than the overlay ever needs has
 * the excess dropped; it can send again once its bucket refills.
 */
final class MembershipBudget {
    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    private final Map<NodeId, Bucket> buckets = new HashMap<>();
    private final double perMillisecond;
    private final int burst;

    MembershipBudget(int perSecond, int burst) {
        this.perMillisecond = perSecond / 1000.0;
        this.burst = burst;
    }

    /** Takes one frame from {@code peer}'s budget at {@code now}; false when it has none left. */
    boolean take(NodeId peer, long now) {
        Bucket bucket = buckets.computeIfAbsent(peer, ignored -> new Bucket(burst, now));
        if (now > bucket.at) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.at) * perMillisecond);
            bucket.at = now;
        }
        if (bucket.tokens < 1) {
            return false;
        }
        bucket.tokens--;
        return true;
    }

    /** Forgets the budgets of peers that are no longer neighbours. */
    void retain(Predicate<NodeId> neighbor) {
        buckets.keySet().removeIf(neighbor.negate());
    }

    int size() {
        return buckets.size();
    }
}
