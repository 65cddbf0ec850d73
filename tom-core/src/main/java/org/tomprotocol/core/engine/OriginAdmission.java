package org.tomprotocol.core.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.state.DecayingCount;

/**
 * The price of one more message from an origin, as this node sees it (lock 5, docs/roles.md): each origin has a
 * budget that grows with its contribution score — {@code 10 + 40·s/(s + 10)} messages a second, Gen-2's curve, 10
 * for a node that never did anything for this one, about 43 at a score of 50 — and its rate is measured with a
 * decaying count (half-life {@value #RATE_HALF_LIFE_MS} ms, so a burst of about 140 messages passes freely). Within
 * the budget a message is free; beyond it, its {@link AdmissionCost} rises smoothly with the excess: first a lower
 * priority and a delay, then past twice the budget a proof-of-work stamp whose difficulty rises with the excess. The
 * result is only ever a cost: there is no answer that refuses an origin.
 *
 * <p>Identities are free to make, so origins without a score share one budget, the lowest ({@value
 * #NEWCOMERS_RATE} a second): a thousand fresh identities sending a little buy no more than one. Only origins with a
 * score of at least {@value #MIN_OWN_SCORE} (earned with work this node verified) get a budget of their own, at most
 * {@value #MAX_TRACKED} of them, the least recently seen forgotten first: memory stays bounded whatever the flood. (An
 * origin forgotten starts again with a free burst: someone holding more scored identities than that — each scored by
 * work this node verified — could cycle through them.) A score that is not a finite number counts as none. Pure; the
 * time is passed in; agent thread only.
 */
public final class OriginAdmission {
    static final double BASE_RATE = 10;
    static final double TOP_RATE = 50;
    static final double MIDPOINT_SCORE = 10;
    static final double NEWCOMERS_RATE = BASE_RATE;
    static final long RATE_HALF_LIFE_MS = 10_000;
    static final int MAX_TRACKED = 4_096;
    /** The score that earns an origin a budget of its own: one unit of verified work, not a faded trace of it. */
    static final double MIN_OWN_SCORE = 1;
    /** The delay added per unit of excess, and the longest. */
    static final long DELAY_PER_EXCESS_MS = 50;
    static final long MAX_DELAY_MS = 2_000;
    /** The stamp asked for at twice the budget, and how it grows: this many bits more each time the excess doubles. */
    static final int FIRST_STAMP_BITS = 8;
    static final int STAMP_BITS_PER_DOUBLING = 4;
    static final int MAX_STAMP_BITS = 28;

    /** How much an origin contributed, as this node saw it: a score of 0 or more that decays (lock 4). */
    @FunctionalInterface
    public interface Standing {
        double score(NodeId origin, long now);
    }

    private final Standing standing;
    private final DecayingCount newcomers = new DecayingCount(RATE_HALF_LIFE_MS);
    private final Map<NodeId, DecayingCount> scored = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<NodeId, DecayingCount> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    public OriginAdmission(Standing standing) {
        this.standing = standing;
    }

    /** Counts one more message from {@code origin} at {@code now}, and returns what it costs. */
    public AdmissionCost cost(NodeId origin, long now) {
        double reported = standing.score(origin, now);
        double score = Double.isFinite(reported) ? Math.max(0, reported) : 0;
        boolean ownBudget = score >= MIN_OWN_SCORE;
        DecayingCount count = ownBudget ? scored.computeIfAbsent(origin, ignored -> new DecayingCount(
                RATE_HALF_LIFE_MS)) : newcomers;
        count.add(1, now);
        double budget = ownBudget ? budget(score) : NEWCOMERS_RATE;
        return priced(rate(count.value(now)) / budget);
    }

    /** Messages a second an origin with {@code score} sends for free. */
    static double budget(double score) {
        return BASE_RATE + (TOP_RATE - BASE_RATE) * score / (score + MIDPOINT_SCORE);
    }

    /** The rate, in messages a second, that keeps a decaying count at {@code value}. */
    static double rate(double value) {
        return value * Math.log(2) / (RATE_HALF_LIFE_MS / 1000.0);
    }

    /** The admission curve: the cost at {@code excess} times the budget, continuous and never decreasing. */
    static AdmissionCost priced(double excess) {
        if (excess <= 1) {
            return AdmissionCost.FREE;
        }
        double priority = 1 - 1 / excess;
        long delay = Math.min(MAX_DELAY_MS, Math.round(DELAY_PER_EXCESS_MS * (excess - 1)));
        int bits = excess <= 2 ? 0 : (int) Math.min(MAX_STAMP_BITS,
                Math.floor(FIRST_STAMP_BITS + STAMP_BITS_PER_DOUBLING * (Math.log(excess / 2) / Math.log(2))));
        return new AdmissionCost(priority, delay, bits);
    }

    /** Origins with a budget of their own, at most {@link #MAX_TRACKED}. */
    int tracked() {
        return scored.size();
    }
}
