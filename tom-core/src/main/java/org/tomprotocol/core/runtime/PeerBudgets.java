package org.tomprotocol.core.runtime;

import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.engine.DecayingCount;
import org.tomprotocol.core.engine.TokenBucket;

/**
 * What each neighbour's frames cost this node, rising smoothly with how much of its input was refused — the
 * seed of lock 5: abuse costs progressively more, never a hard block. A frame costs one token plus the
 * neighbour's debt, a count of its refused frames that halves every {@value #DEBT_HALF_LIFE_MS} ms; tokens
 * refill at {@value #FRAMES_PER_SECOND} a second. An honest neighbour (no debt) can send more frames than a
 * node verifies before anything is dropped; one that sent a thousand bad signatures pays a thousand tokens a
 * frame, so nearly all its frames are dropped before they cost a signature check, yet some always get through
 * and its debt fades once it behaves. Checked on transport threads before any decoding; thread-safe.
 */
final class PeerBudgets {
    static final double FRAMES_PER_SECOND = 20_000;
    static final long DEBT_HALF_LIFE_MS = 60_000;
    private static final int MAX_TRACKED = 65_536;

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
            tokens = new TokenBucket(FRAMES_PER_SECOND, FRAMES_PER_SECOND, now);
        }

        synchronized boolean admit(long now) {
            return tokens.tryTake(1 + debt.value(now), now);
        }

        synchronized void charge(long now) {
            debt.add(1, now);
        }

        synchronized boolean forgettable(long now) {
            return debt.value(now) < 0.01 && tokens.isFull(now);
        }
    }

    /**
     * Whether a frame from {@code hop} may be processed; when not, it is dropped and counted under
     * {@code rejected.over-budget}.
     */
    boolean admit(NodeId hop) {
        long now = clock.millis();
        Budget budget = budgets.get(hop);
        if (budget == null) {
            budget = track(hop, now);
            if (budget == null) {
                return true;
            }
        }
        if (budget.admit(now)) {
            return true;
        }
        metrics.increment("rejected.over-budget");
        return false;
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
