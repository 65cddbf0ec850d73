package org.tomprotocol.transport.quic;

import java.util.concurrent.ScheduledFuture;

/** The dialling state of one peer: the round in progress, the retry timer and the backoff. Event-loop confined. */
final class DialState {
    DialRound round;
    ScheduledFuture<?> retry;
    private long backoffMillis;

    /** Whether a dial is running or scheduled. */
    boolean isActive() {
        return round != null || retry != null;
    }

    /** The wait before the next round: the initial backoff, doubling up to the maximum. */
    long nextBackoff(QuicOptions options) {
        backoffMillis = backoffMillis == 0 ? options.dialBackoffInitialMillis()
                : Math.min(options.dialBackoffMaxMillis(), backoffMillis * 2);
        return backoffMillis;
    }

    void resetBackoff() {
        backoffMillis = 0;
    }

    void cancelRetry() {
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
    }
}
