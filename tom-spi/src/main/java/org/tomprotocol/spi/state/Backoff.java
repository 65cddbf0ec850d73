package org.tomprotocol.spi.state;

import org.tomprotocol.api.Api;

/**
 * A wait that doubles each time it is used, from {@code initialMillis} up to {@code maxMillis}, and starts over
 * on {@link #reset()}: how often to retry something that keeps failing. Not thread-safe.
 */
@Api(status = Api.Status.INCUBATING, since = "0.1")
public final class Backoff {
    private final long initialMillis;
    private final long maxMillis;
    private long nextMillis;

    public Backoff(long initialMillis, long maxMillis) {
        if (initialMillis <= 0 || maxMillis < initialMillis) {
            throw new IllegalArgumentException("a backoff needs 0 < initial <= max, got " + initialMillis + " and "
                    + maxMillis);
        }
        this.initialMillis = initialMillis;
        this.maxMillis = maxMillis;
        this.nextMillis = initialMillis;
    }

    /** The wait to use now; the one after it is twice as long, up to the maximum. */
    public long next() {
        long wait = nextMillis;
        nextMillis = Math.min(maxMillis, nextMillis * 2);
        return wait;
    }

    /** Starts over from the initial wait. */
    public void reset() {
        nextMillis = initialMillis;
    }
}
