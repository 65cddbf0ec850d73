package org.tomprotocol.transport.quic;

import java.util.concurrent.TimeUnit;

import org.tomprotocol.spi.state.TokenBucket;

/**
 * What hole punching sends to addresses others named — probes, and the Initials of blind dials — whoever asked
 * for it: at most {@code bytesPerSecond} on average, in bursts of at most one second's worth (a
 * {@link TokenBucket}). Event-loop confined; the time is passed in.
 */
final class PunchBudget {
    private final long bytesPerSecond;
    private TokenBucket bytes;
    private long refused;

    PunchBudget(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
    }

    /** Takes {@code count} bytes if the budget has them now. */
    boolean take(int count, long nowNanos) {
        long nowMillis = TimeUnit.NANOSECONDS.toMillis(nowNanos);
        if (bytes == null) {
            bytes = new TokenBucket(bytesPerSecond, bytesPerSecond, nowMillis);
        }
        if (bytes.tryTake(count, nowMillis)) {
            return true;
        }
        refused++;
        return false;
    }

    /** Probes and dials not sent for want of budget. */
    long refused() {
        return refused;
    }
}
