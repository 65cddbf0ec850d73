package org.tomprotocol.testkit.sim;

/**
 * What {@link AbuseSimulation} runs.
 *
 * @param nodes           engines in all: hubs (a tenth, at least 2), honest senders, spammers
 * @param spammers        nodes that flood, the last ones
 * @param spamRate        messages a second each spammer hands its node
 * @param targets         honest nodes the spam goes to (the first ones; they send and receive honest traffic too)
 * @param honestRate      messages a second each honest sender hands its node
 * @param seconds         length of the sending window, virtual
 * @param relayFraction   probability that two ordinary nodes have no direct session, so that their messages go
 *                        through a hub
 * @param hashesPerSecond how fast every node mints proof-of-work stamps (one core each)
 * @param seed            seed of every random choice
 */
public record AbuseSettings(int nodes, int spammers, double spamRate, int targets, double honestRate, int seconds,
                            double relayFraction, long hashesPerSecond, long seed) {
    public AbuseSettings {
        if (spammers < 0) {
            throw new IllegalArgumentException("--spammers must not be negative, got " + spammers);
        }
        if (nodes < hubs(nodes) + spammers + 2) {
            throw new IllegalArgumentException("--nodes must leave at least 2 honest senders besides the "
                    + hubs(nodes) + " hubs and " + spammers + " spammers, got " + nodes);
        }
        if (!(spamRate > 0 && spamRate <= 10_000)) {
            throw new IllegalArgumentException("--spam-rate must be above 0 and at most 10000 messages a second, got "
                    + spamRate);
        }
        if (targets < 1 || targets > nodes - hubs(nodes) - spammers) {
            throw new IllegalArgumentException("--targets must be between 1 and the " + (nodes - hubs(nodes) - spammers)
                    + " honest nodes, got " + targets);
        }
        if (!(honestRate > 0 && honestRate <= 100)) {
            throw new IllegalArgumentException("--honest-rate must be above 0 and at most 100 messages a second, got "
                    + honestRate);
        }
        if (seconds < 1 || seconds > 3_600) {
            throw new IllegalArgumentException("--seconds must be between 1 and 3600, got " + seconds);
        }
        if (!(relayFraction >= 0 && relayFraction <= 1)) {
            throw new IllegalArgumentException("--relay-fraction must be between 0 and 1, got " + relayFraction);
        }
        if (hashesPerSecond < 1) {
            throw new IllegalArgumentException("--hash-rate must be at least 1 hash a second, got " + hashesPerSecond);
        }
    }

    /** The always-on relays: a tenth of the nodes, at least 2. */
    public int hubs() {
        return hubs(nodes);
    }

    /** Nodes that send honest traffic: all but the hubs and the spammers. */
    public int honestSenders() {
        return nodes - hubs() - spammers;
    }

    private static int hubs(int nodes) {
        return Math.max(2, nodes / 10);
    }
}
