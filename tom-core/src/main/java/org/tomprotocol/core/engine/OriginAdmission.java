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
 * <p>Identities are free to make, so origins without a score ("newcomers", below {@value #MIN_OWN_SCORE}: no unit of
 * work this node verified) share one budget of the lowest size besides their own. A newcomer within its own budget
 * pays for the rate of the newcomers that are within theirs, together: a thousand fresh identities each sending a
 * little buy no more than one identity. A newcomer past its own budget pays for its own excess or for all the
 * newcomers' rate together, whichever costs more: identities that each send a little too much buy nothing by being
 * many. A newcomer's messages leave the well-behaved newcomers' rate as soon as it passes its own budget — burst
 * included — so a flooder slows no one but itself, not even while its first, free burst fades. Every origin's own
 * rate is tracked, at most {@value #MAX_TRACKED} of them, the least recently seen forgotten first: memory stays
 * bounded whatever the flood. (An origin forgotten starts again with a free burst, its earlier messages still
 * counted in the shared rates.) A score that is not a finite number counts as none. Pure; the time is passed in;
 * agent thread only.
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
    /** What an origin without a score sends free, a second: {@link #BASE_RATE} unless the operator set another. */
    private final double baseRate;
    /** Every newcomer's messages. */
    private final DecayingCount newcomers = new DecayingCount(RATE_HALF_LIFE_MS);
    /** The messages of the newcomers within their own budget: each one's share leaves when it passes its budget. */
    private final DecayingCount wellBehaved = new DecayingCount(RATE_HALF_LIFE_MS);
    private final Map<NodeId, Origin> origins = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<NodeId, Origin> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    /** One origin's rate, and (a newcomer) its share of the well-behaved newcomers' rate, decaying alike. */
    private static final class Origin {
        final DecayingCount rate = new DecayingCount(RATE_HALF_LIFE_MS);
        final DecayingCount share = new DecayingCount(RATE_HALF_LIFE_MS);
    }

    public OriginAdmission(Standing standing) {
        this(standing, BASE_RATE);
    }

    /**
     * An admission whose budgets are scaled to {@code baseRate} messages a second for an origin without a score (and
     * {@code TOP_RATE / BASE_RATE} times that at the top), for a deployment whose nodes send more than chat.
     */
    public OriginAdmission(Standing standing, double baseRate) {
        if (!(baseRate >= 1 && Double.isFinite(baseRate))) {
            throw new IllegalArgumentException("the base budget is at least 1 message a second, not " + baseRate);
        }
        this.standing = standing;
        this.baseRate = baseRate;
    }

    /** Counts one more message from {@code origin} at {@code now}, and returns what it costs. */
    public AdmissionCost cost(NodeId origin, long now) {
        double score = scoreOf(origin, now);
        Origin own = origins.computeIfAbsent(origin, ignored -> new Origin());
        own.rate.add(1, now);
        if (score < MIN_OWN_SCORE) {
            newcomers.add(1, now);
            if (rate(own.rate.value(now)) / sharedBudget() <= 1) {
                own.share.add(1, now);
                wellBehaved.add(1, now);
            } else {
                // past its own budget its messages leave the well-behaved newcomers' rate, its burst included
                double share = own.share.value(now);
                if (share > 0) {
                    wellBehaved.add(-share, now);
                    own.share.add(-share, now);
                }
            }
        }
        return costAt(score, rate(own.rate.value(now)), now);
    }

    /**
     * What one more message from {@code origin} would cost at {@code now}, counting nothing: how a price told earlier
     * has faded with the origin's rate.
     */
    public AdmissionCost peek(NodeId origin, long now) {
        Origin own = origins.get(origin);
        return costAt(scoreOf(origin, now), own == null ? 0 : rate(own.rate.value(now)), now);
    }

    /** The cost for an origin of {@code score} sending at {@code ownRate}, with the newcomers' rates as they are. */
    private AdmissionCost costAt(double score, double ownRate, long now) {
        if (score >= MIN_OWN_SCORE) {
            return priced(ownRate / (budget(score) * scale()));
        }
        double sharedBudget = sharedBudget();
        if (ownRate / sharedBudget <= 1) {
            return priced(rate(Math.max(0, wellBehaved.value(now))) / sharedBudget);
        }
        return priced(Math.max(ownRate / sharedBudget, rate(newcomers.value(now)) / sharedBudget));
    }

    /** The origin's score; one that is not a finite number counts as none. */
    private double scoreOf(NodeId origin, long now) {
        double reported = standing.score(origin, now);
        return Double.isFinite(reported) ? Math.max(0, reported) : 0;
    }

    /** What the newcomers share, and each may send on its own, a second. */
    private double sharedBudget() {
        return NEWCOMERS_RATE * scale();
    }

    /** The operator's budget against the default one. */
    private double scale() {
        return baseRate / BASE_RATE;
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

    /** Origins whose own rate is tracked, at most {@link #MAX_TRACKED}. */
    int tracked() {
        return origins.size();
    }
}
