package org.tomprotocol.transport.quic;

import java.util.concurrent.TimeUnit;

/**
 * A token bucket for what hole punching sends to addresses others named — probes, and the Initials of blind
 * dials — whoever asked for it: at most {@code bytesPerSecond} on average, in bursts of at most one second's
 * worth. Event-loop confined; the time is passed in.
 */
final class PunchBudget {
    private final long bytesPerSecond;
    private double available;
    private long lastNanos;
    private boolean started;
    private long refused;

    PunchBudget(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
        this.available = bytesPerSecond;
    }

    /** Takes {@code bytes} if the budget has them now. */
    boolean take(int bytes, long nowNanos) {
        if (started) {
            double elapsedSeconds = (nowNanos - lastNanos) / (double) TimeUnit.SECONDS.toNanos(1);
            available = Math.min(bytesPerSecond, available + elapsedSeconds * bytesPerSecond);
        }
        started = true;
        lastNanos = nowNanos;
        if (available < bytes) {
            refused++;
            return false;
        }
        available -= bytes;
        return true;
    }

    /** Probes and dials not sent for want of budget. */
    long refused() {
        return refused;
    }
}
