package org.tomprotocol.spi.state;

import org.tomprotocol.api.Api;

/**
 * A token bucket: holds up to {@code capacity} tokens, refilled continuously at {@code tokensPerSecond}; an
 * action happens only if the tokens it costs are there. The one rate limiter of the node and its plugins,
 * so every limit behaves alike. Pure: the time is passed in. Not thread-safe.
 */
@Api(status = Api.Status.INCUBATING, since = "0.1")
public final class TokenBucket {
    private final double capacity;
    private final double tokensPerMilli;
    private double tokens;
    private long updatedAt;

    /** A full bucket at time {@code now}. */
    public TokenBucket(double capacity, double tokensPerSecond, long now) {
        if (!(capacity > 0) || !(tokensPerSecond > 0)) {
            throw new IllegalArgumentException("capacity and rate must be positive, got " + capacity + " and "
                    + tokensPerSecond);
        }
        this.capacity = capacity;
        this.tokensPerMilli = tokensPerSecond / 1000;
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /** Takes {@code cost} tokens if the bucket holds them at {@code now}; returns whether it did. */
    public boolean tryTake(double cost, long now) {
        refill(now);
        if (tokens < cost) {
            return false;
        }
        tokens -= cost;
        return true;
    }

    /** The tokens available at {@code now}. */
    public double available(long now) {
        refill(now);
        return tokens;
    }

    /** Whether the bucket is full at {@code now}: it then carries no memory of past use and may be dropped. */
    public boolean isFull(long now) {
        return available(now) >= capacity;
    }

    private void refill(long now) {
        if (now > updatedAt) {
            tokens = Math.min(capacity, tokens + (now - updatedAt) * tokensPerMilli);
            updatedAt = now;
        }
    }
}
