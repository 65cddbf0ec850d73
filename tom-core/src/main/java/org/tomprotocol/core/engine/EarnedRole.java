package org.tomprotocol.core.engine;

import org.tomprotocol.core.wire.PeerRole;
import org.tomprotocol.spi.state.DecayingCount;

/**
 * One role this node earns from verified work (lock 4, docs/roles.md): a decaying score with a half-life of
 * {@link #HALF_LIFE_MS}, the role held from {@link #EARN_AT} units and lost below {@link #LOSE_BELOW} (the gap is the
 * hysteresis), reviewed at most every {@link #REVIEW_MS}. Gen-2's 5 % an hour is a 13.5 h half-life, far too slow for
 * devices that come and go: a node that stopped would keep its role for more than a day. The score changes only by
 * {@link #add(double, long) evidence} and by decay. Pure; agent thread only.
 */
final class EarnedRole {
    static final long HALF_LIFE_MS = 60 * 60_000L;
    static final double EARN_AT = 10;
    static final double LOSE_BELOW = 2;
    static final long REVIEW_MS = 60_000;

    /** What a review did. */
    enum Change { NONE, EARNED, LOST }

    private final PeerRole role;
    private final DecayingCount score = new DecayingCount(HALF_LIFE_MS);
    private boolean held;
    private long nextReview;

    EarnedRole(PeerRole role) {
        this.role = role;
    }

    PeerRole role() {
        return role;
    }

    /** {@code units} of verified work at {@code now}. */
    void add(double units, long now) {
        score.add(units, now);
    }

    double score(long now) {
        return score.value(now);
    }

    boolean held() {
        return held;
    }

    /** Looks again at the score, at most once a {@link #REVIEW_MS}. */
    Change review(long now) {
        if (now < nextReview) {
            return Change.NONE;
        }
        nextReview = now + REVIEW_MS;
        double value = score.value(now);
        if (!held && value >= EARN_AT) {
            held = true;
            return Change.EARNED;
        }
        if (held && value < LOSE_BELOW) {
            held = false;
            return Change.LOST;
        }
        return Change.NONE;
    }
}
