package org.tomprotocol.core.engine;

/**
 * What handling one more message from an origin costs it (lock 5): a lower priority, a delay, a proof-of-work stamp
 * of some difficulty — each rising smoothly with how far the origin is over its budget, and never a refusal: a
 * message that pays its cost goes through, whoever sent it.
 *
 * @param priority   0 (first) to 1 (after everything else), continuous
 * @param delayMs    how long to hold the message before handling it
 * @param stampBits  the stamp difficulty the message must carry ({@link org.tomprotocol.core.wire.Stamp}), 0 for
 *                   none
 */
public record AdmissionCost(double priority, long delayMs, int stampBits) {
    /** An origin within its budget pays nothing. */
    public static final AdmissionCost FREE = new AdmissionCost(0, 0, 0);

    public AdmissionCost {
        if (!(priority >= 0 && priority <= 1) || delayMs < 0 || stampBits < 0
                || stampBits > org.tomprotocol.core.wire.Stamp.MAX_BITS) {
            throw new IllegalArgumentException("a cost is a priority in [0, 1], a delay of at least 0 and a stamp"
                    + " difficulty of 0 to " + org.tomprotocol.core.wire.Stamp.MAX_BITS + ", not " + priority + ", "
                    + delayMs + ", " + stampBits);
        }
    }
}
