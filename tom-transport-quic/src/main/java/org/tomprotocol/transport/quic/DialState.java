package org.tomprotocol.transport.quic;

import java.util.concurrent.ScheduledFuture;

import org.tomprotocol.spi.state.Backoff;

/** The dialling state of one peer: the round in progress, the retry timer and the backoff. Event-loop confined. */
final class DialState {
    DialRound round;
    ScheduledFuture<?> retry;
    private Backoff backoff;

    /** Whether a dial is running or scheduled. */
    boolean isActive() {
        return round != null || retry != null;
    }

    /** The wait before the next round: the initial backoff, doubling up to the maximum. */
    long nextBackoff(QuicOptions options) {
        if (backoff == null) {
            backoff = new Backoff(options.dialBackoffInitialMillis(), options.dialBackoffMaxMillis());
        }
        return backoff.next();
    }

    void resetBackoff() {
        if (backoff != null) {
            backoff.reset();
        }
    }

    void cancelRetry() {
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
    }
}
