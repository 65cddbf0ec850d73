package org.tomprotocol.core.runtime;

import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.state.DecayingCount;
import org.tomprotocol.spi.state.TokenBucket;

/**
 * What each neighbour's frames cost this node, rising smoothly with how much of its input was refused — the
 * seed of lock 5: abuse costs progressively more, never a hard block. A frame costs one token plus the
 * neighbour's debt, a count of its refused frames that halves every {@value #DEBT_HALF_LIFE_MS} ms; tokens
 * refill at {@value #FRAMES_PER_SECOND} a second, up to a burst of {@value #BURST_FRAMES}. An honest neighbour (no debt) can send more frames than a
 * node verifies before anything is dropped; one that sent a thousand bad signatures pays a thousand tokens a
 * frame, so nearly all its frames are dropped before they cost a signature check, yet some always get through
 * and its debt fades once it behaves. Checked on transport threads before any decoding; an over-budget
 * neighbour is also paused by its transport until its next frame is affordable, so flow control slows it down
 * instead of this node reading and dropping what it sends. Thread-safe.
 */
final class PeerBudgets {
    static final double FRAMES_PER_SECOND = 20_000;
    /** The burst a neighbour may send at once: a quarter of a second's worth. */
    static final double BURST_FRAMES = 5_000;
    static final long DEBT_HALF_LIFE_MS = 60_000;
    private static final int MAX_TRACKED = 65_536;
    /**
     * Frames a pause pays for: a paused peer's frames pile up in its transport (a QUIC peer has up to 256 streams
     * open) and are read in one go when reading resumes, so the pause lasts as long as this many of them cost.
     */
    static final int FRAMES_PER_PAUSE = 64;

    /** What {@link #admit} returns for a frame that may be processed. */
    static final long ADMITTED = -1;

    private final InstantSource clock;
    private final Metrics metrics;
    private final ConcurrentHashMap<NodeId, Budget> budgets = new ConcurrentHashMap<>();

    PeerBudgets(InstantSource clock, Metrics metrics) {
        this.clock = clock;
        this.metrics = metrics;
    }

    /** One neighbour's bucket and debt. */
    private static final class Budget {
        private final TokenBucket tokens;
        private final DecayingCount debt = new DecayingCount(DEBT_HALF_LIFE_MS);

        Budget(long now) {
            tokens = new TokenBucket(BURST_FRAMES, FRAMES_PER_SECOND, now);
        }

        private long pausedUntil;

        /** {@link #ADMITTED}, or how long to pause the neighbour (0: it is paused already). */
        synchronized long admit(long now) {
            double cost = 1 + debt.value(now);
            if (tokens.tryTake(cost, now)) {
                return ADMITTED;
            }
            if (now < pausedUntil) {
                return 0;
            }
            long wait = Math.max(1, (long) Math.ceil(cost * FRAMES_PER_PAUSE / FRAMES_PER_SECOND * 1000));
            pausedUntil = now + wait;
            return wait;
        }

        synchronized void charge(long now) {
            debt.add(1, now);
        }

        synchronized boolean forgettable(long now) {
            return debt.value(now) < 0.01 && tokens.isFull(now);
        }
    }

    /**
     * Whether a frame from {@code hop} may be processed: {@link #ADMITTED}, or else the frame is dropped, counted
     * under {@code rejected.over-budget}, and the result is how many milliseconds to pause the neighbour for
     * (0 when a pause is already running).
     */
    long admit(NodeId hop) {
        long now = clock.millis();
        Budget budget = budgets.get(hop);
        if (budget == null) {
            budget = track(hop, now);
            if (budget == null) {
                return ADMITTED;
            }
        }
        long verdict = budget.admit(now);
        if (verdict != ADMITTED) {
            metrics.increment("rejected.over-budget");
        }
        return verdict;
    }

    /** {@code hop} sent input that was refused: its later frames cost more. */
    void charge(NodeId hop) {
        long now = clock.millis();
        Budget budget = budgets.get(hop);
        if (budget == null) {
            budget = track(hop, now);
        }
        if (budget != null) {
            budget.charge(now);
        }
    }

    /** Drops neighbours that owe nothing and used nothing lately; run periodically. */
    void forgetIdle() {
        long now = clock.millis();
        budgets.values().removeIf(budget -> budget.forgettable(now));
    }

    int tracked() {
        return budgets.size();
    }

    private Budget track(NodeId hop, long now) {
        if (budgets.size() >= MAX_TRACKED) {
            forgetIdle();
            if (budgets.size() >= MAX_TRACKED) {
                // more neighbours than any node has sessions with: admit unmetered rather than refuse the honest
                metrics.increment("budget-table-full");
                return null;
            }
        }
        return budgets.computeIfAbsent(hop, ignored -> new Budget(now));
    }
}
