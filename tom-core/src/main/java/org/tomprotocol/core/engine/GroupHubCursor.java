package org.tomprotocol.core.engine;

import org.tomprotocol.spi.state.Backoff;

/**
 * Where one member stands in the hub's stream, and how soon the hub may send it something again (docs/groups.md
 * §6). The hub learns the member's round trip from its acknowledgements — one entry sent once is timed at a time,
 * never a resent one (Karn's rule) — and waits at least twice that before it sends again what the member has not
 * acknowledged: a hub whose own outbound queue is a second deep (a takeover, a burst) would otherwise send its
 * backlog again every few hundred milliseconds while the first copy is still on its way, and never catch up. Pure.
 */
final class GroupHubCursor {
    /** A member's gap report makes the hub send again no sooner than this after the last time. */
    static final long MIN_RESEND_MS = 250;

    /** The next place the member expects. */
    private long next;
    private long retryAt;
    private final Backoff backoff = new Backoff(GroupHub.RETRY_MS, GroupHub.MAX_RETRY_MS);
    /** Whether the member follows this hub's epoch (it acknowledged in it); else it is sent the claim. */
    private boolean confirmed = true;
    private long resentAt = Long.MIN_VALUE / 2;
    /** Smoothed round trip, ms; negative until the first sample. */
    private long smoothedRoundTrip = -1;
    /** The place being timed and when it was sent; negative when none is. */
    private long timedSeq = -1;
    private long timedSentAt;
    /** Since when the member has left what it was sent unanswered; negative while it answers. */
    private long unansweredSince = -1;

    GroupHubCursor(long next) {
        this.next = next;
    }

    long next() {
        return next;
    }

    boolean confirmed() {
        return confirmed;
    }

    /** The member must now be told of the new epoch until it acknowledges in it. */
    void awaitConfirmation(long now) {
        confirmed = false;
        retryAt = now + GroupHub.RETRY_MS;
        unanswered(now);
    }

    /**
     * The member's cumulative acknowledgement at {@code now}: advances the cursor and takes a round-trip sample.
     *
     * @return whether the member just confirmed it follows this epoch
     */
    boolean acknowledged(long nextSeq, long now) {
        boolean joined = !confirmed;
        confirmed = true;
        unansweredSince = -1;
        if (timedSeq >= 0 && nextSeq > timedSeq) {
            long sample = now - timedSentAt;
            smoothedRoundTrip = smoothedRoundTrip < 0 ? sample : (7 * smoothedRoundTrip + sample) / 8;
            timedSeq = -1;
        }
        if (nextSeq > next) {
            next = nextSeq;
            backoff.reset();
            retryAt = now + Math.max(backoff.next(), resendWait());
        }
        return joined;
    }

    /** The member asks for the stream from {@code earlier} on, behind what it acknowledged (it restarted). */
    void rewind(long earlier) {
        next = Math.min(next, earlier);
        timedSeq = -1;
    }

    /** How long after sending something again the hub waits before it sends it once more. */
    long resendWait() {
        return Math.max(MIN_RESEND_MS, 2 * smoothedRoundTrip);
    }

    /** Whether a gap report at {@code now} may be answered with everything again. */
    boolean mayResendOnGap(long now) {
        return now - resentAt >= resendWait();
    }

    /** Whether the hub's timer should send again at {@code now}. */
    boolean due(long now) {
        return now >= retryAt;
    }

    /** Something new went out live: the timer starts if it was not running. */
    void sentLive(long lastSeq, long now) {
        unanswered(now);
        if (retryAt <= now) {
            retryAt = now + Math.max(GroupHub.RETRY_MS, resendWait());
        }
        if (timedSeq < 0) {
            timedSeq = lastSeq;
            timedSentAt = now;
        }
    }

    /**
     * Entries went to a member that has not confirmed the new epoch yet: they count as sent, so its confirmation,
     * which crosses them on the way, does not make the hub send them all again at once.
     */
    void sentBeforeConfirmation(long now) {
        resentAt = now;
    }

    /** Everything from {@link #next()} went out again: no round trip is timed across it, and the timer backs off. */
    void resent(long now) {
        unanswered(now);
        resentAt = now;
        timedSeq = -1;
        retryAt = now + Math.max(backoff.next(), resendWait());
    }

    /** The claim went out again, unanswered so far. */
    void claimResent(long now) {
        retryAt = now + backoff.next();
        unanswered(now);
    }

    private void unanswered(long now) {
        if (unansweredSince < 0) {
            unansweredSince = now;
        }
    }

    /** How long the member has left what it was sent unanswered at {@code now}; 0 while it answers. */
    long silentFor(long now) {
        return unansweredSince < 0 ? 0 : now - unansweredSince;
    }

    /** The smoothed round trip in ms, or -1 before the first acknowledgement of something timed. */
    long smoothedRoundTrip() {
        return smoothedRoundTrip;
    }
}
