package org.tomprotocol.testkit.sim;

/**
 * What {@link OfflineSimulation} simulates.
 *
 * @param nodes              ordinary (durable, churning) nodes; always-on hubs come in addition
 * @param messages           messages to send, between random ordinary nodes, at random times of the send window
 * @param offlineFraction    share of the ordinary nodes offline at any time, in the long run
 * @param meanOfflineMinutes mean of an offline period (exponential); online periods are set from it so that
 *                           {@code offlineFraction} of the nodes are offline at a time
 * @param sendHours          the send window: messages are sent over its hours, by senders online at the time
 * @param relayFraction      probability that two ordinary nodes are never told each other's address, so that
 *                           their messages go through a hub
 * @param neverReturning     ordinary nodes that go offline once the network settled and never come back (a
 *                           control: messages to them must end at 24 h and leave nothing behind)
 * @param seed               seed of every random choice
 */
public record OfflineSettings(int nodes, int messages, double offlineFraction, double meanOfflineMinutes,
                              double sendHours, double relayFraction, int neverReturning, long seed) {
    public OfflineSettings {
        if (nodes < 2) {
            throw new IllegalArgumentException("--nodes must be at least 2, got " + nodes);
        }
        if (messages < 0) {
            throw new IllegalArgumentException("--messages must not be negative, got " + messages);
        }
        if (!(offlineFraction >= 0 && offlineFraction < 1)) {
            throw new IllegalArgumentException("--offline-fraction must be at least 0 and below 1, got " + offlineFraction);
        }
        if (!(meanOfflineMinutes > 0)) {
            throw new IllegalArgumentException("--mean-offline-minutes must be above 0, got " + meanOfflineMinutes);
        }
        if (!(sendHours > 0 && sendHours <= 24 * 7)) {
            throw new IllegalArgumentException("--hours must be above 0 and at most 168, got " + sendHours);
        }
        if (!(relayFraction >= 0 && relayFraction <= 1)) {
            throw new IllegalArgumentException("--relay-fraction must be between 0 and 1, got " + relayFraction);
        }
        if (neverReturning < 0 || neverReturning > nodes - 2) {
            throw new IllegalArgumentException("never-returning nodes must be between 0 and nodes - 2 (" + (nodes - 2)
                    + "), got " + neverReturning);
        }
    }

    /** The command line's defaults for what it does not set: no never-returning node. */
    public static OfflineSettings of(int nodes, int messages, double offlineFraction, double meanOfflineMinutes,
                                     double sendHours, double relayFraction, long seed) {
        return new OfflineSettings(nodes, messages, offlineFraction, meanOfflineMinutes, sendHours, relayFraction, 0,
                seed);
    }

    /** The same, with {@code count} nodes that leave once and never come back. */
    public OfflineSettings withNeverReturning(int count) {
        return new OfflineSettings(nodes, messages, offlineFraction, meanOfflineMinutes, sendHours, relayFraction,
                count, seed);
    }

    /** Always-on hubs: a tenth of the ordinary nodes, at least 2. */
    public int hubs() {
        return Math.max(2, nodes / 10);
    }
}
