package org.tomprotocol.transport.quic;

import java.util.concurrent.TimeUnit;

/**
 * A token bucket for the bytes of hole-punching probes this node sends, whoever asked for them: at most
 * {@code bytesPerSecond} on average, in bursts of at most one second's worth. Event-loop confined; the time is
 * passed in.
 */
final class ProbeBudget {
    private final long bytesPerSecond;
    private double available;
    private long lastNanos;
    private boolean started;
    private long refused;

    ProbeBudget(long bytesPerSecond) {
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

    /** Probes not sent for want of budget. */
    long refused() {
        return refused;
    }
}
