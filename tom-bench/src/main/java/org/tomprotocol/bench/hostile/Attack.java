package org.tomprotocol.bench.hostile;

import java.util.Map;

/** One hostile behaviour of {@link HostileReport}: prepared before the baseline, run during the attack phase. */
interface Attack extends AutoCloseable {
    /** The name given to {@code --attack}. */
    String name();

    /** Sets the attack up against {@code victim}, which {@code honest} talks to (before any measurement). */
    void prepare(Victim victim, HonestTraffic honest) throws Exception;

    /** Attacks until {@code endNanos} ({@link System#nanoTime()}); runs on a thread of its own. */
    void run(long endNanos) throws Exception;

    /** What the attack did and what it got, read after it ended. */
    Map<String, Object> figures(Victim victim) throws Exception;

    @Override
    void close();
}
