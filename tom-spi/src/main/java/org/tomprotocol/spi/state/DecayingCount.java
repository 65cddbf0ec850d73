package org.tomprotocol.spi.state;

import org.tomprotocol.api.Api;

/**
 * A count that halves every {@code halfLifeMillis}: what a peer did long ago weighs less and less, and in the
 * end nothing — the gradient locks 4 and 5 ask for, never a verdict. Pure: the time is passed in. Not
 * thread-safe.
 */
@Api(status = Api.Status.INCUBATING, since = "0.1")
public final class DecayingCount {
    private final double halfLifeMillis;
    private double value;
    private long updatedAt;

    public DecayingCount(long halfLifeMillis) {
        if (halfLifeMillis <= 0) {
            throw new IllegalArgumentException("half-life must be positive, got " + halfLifeMillis);
        }
        this.halfLifeMillis = halfLifeMillis;
    }

    /** Adds {@code amount} at {@code now}. */
    public void add(double amount, long now) {
        decay(now);
        value += amount;
    }

    /** The count at {@code now}. */
    public double value(long now) {
        decay(now);
        return value;
    }

    private void decay(long now) {
        if (now > updatedAt) {
            if (value != 0) {
                value *= Math.pow(0.5, (now - updatedAt) / halfLifeMillis);
            }
            updatedAt = now;
        }
    }
}
