package org.tomprotocol.discovery.gossip.hyparview;

/**
 * HyParView's parameters. The view sizes and walk lengths are the paper's (and iroh-gossip's); the timers
 * are ToM's, explained in docs/gossip.md.
 *
 * @param activeViewCapacity      peers kept as active neighbours (paper: fanout + 1 = 5)
 * @param passiveViewCapacity     peers kept as candidates to replace failed neighbours (30)
 * @param activeRandomWalkLength  hops of a join's random walk (ARWL, 6)
 * @param passiveRandomWalkLength the hop at which a join walk puts the newcomer in a passive view (PRWL, 3)
 * @param shuffleRandomWalkLength hops of a shuffle's random walk (6)
 * @param shuffleActiveCount      active peers sent in a shuffle (3)
 * @param shufflePassiveCount     passive peers sent in a shuffle (4)
 * @param shuffleIntervalMillis   mean time between two shuffles of this node (jittered by ±25 %)
 * @param neighborTimeoutMillis   how long a neighbour request may stay unanswered before the peer is
 *                                presumed dead (500 ms)
 * @param keepAliveMillis         an active link that carried nothing for this long gets a keep-alive, so a
 *                                dead neighbour is noticed by the transport
 * @param joinRetryMillis         first delay before joining the bootstrap peers again while alone
 * @param maxJoinRetryMillis      longest delay between join attempts (back-off doubles up to it)
 * @param probeIntervalMillis     first delay before probing a lost peer again (doubles per failed probe)
 * @param lostPeersCapacity       lost peers remembered for probing
 * @param maxProbes               probes of a lost peer before it is forgotten
 * @param introductions           peers a contact node introduces a newcomer to (and vice versa); 0 disables
 * @param passivePerSource        passive peers one source may have put in the passive view at most: a
 *                                neighbour whose frames named them, or all unasked strangers together (15,
 *                                half the passive view)
 * @param membershipPerSecond     frames naming other peers (join walks, shuffles, introductions) a neighbour may
 *                                send per second, on average (20)
 * @param membershipBurst         how many such frames a neighbour may send at once (100)
 */
public record HyParViewConfig(int activeViewCapacity, int passiveViewCapacity, int activeRandomWalkLength,
                              int passiveRandomWalkLength, int shuffleRandomWalkLength, int shuffleActiveCount,
                              int shufflePassiveCount, long shuffleIntervalMillis, long neighborTimeoutMillis,
                              long keepAliveMillis, long joinRetryMillis, long maxJoinRetryMillis,
                              long probeIntervalMillis, int lostPeersCapacity, int maxProbes, int introductions,
                              int passivePerSource, int membershipPerSecond, int membershipBurst) {
    /** ToM's defaults. */
    public static final HyParViewConfig DEFAULTS = new HyParViewConfig(5, 30, 6, 3, 6, 3, 4, 30_000, 500, 2_000,
            2_000, 60_000, 10_000, 16, 5, 8, 15, 20, 100);

    public HyParViewConfig {
        atLeast("activeViewCapacity", activeViewCapacity, 1);
        atLeast("passiveViewCapacity", passiveViewCapacity, 0);
        between("activeRandomWalkLength", activeRandomWalkLength, 0, 32);
        between("passiveRandomWalkLength", passiveRandomWalkLength, 0, activeRandomWalkLength);
        between("shuffleRandomWalkLength", shuffleRandomWalkLength, 0, 32);
        between("shuffleActiveCount", shuffleActiveCount, 0, 16);
        between("shufflePassiveCount", shufflePassiveCount, 0, 16);
        atLeast("shuffleIntervalMillis", shuffleIntervalMillis, 4);
        atLeast("neighborTimeoutMillis", neighborTimeoutMillis, 1);
        atLeast("keepAliveMillis", keepAliveMillis, 1);
        atLeast("joinRetryMillis", joinRetryMillis, 1);
        atLeast("maxJoinRetryMillis", maxJoinRetryMillis, joinRetryMillis);
        atLeast("probeIntervalMillis", probeIntervalMillis, 1);
        atLeast("lostPeersCapacity", lostPeersCapacity, 0);
        between("maxProbes", maxProbes, 1, 16);
        between("introductions", introductions, 0, 32);
        atLeast("passivePerSource", passivePerSource, 1);
        atLeast("membershipPerSecond", membershipPerSecond, 1);
        atLeast("membershipBurst", membershipBurst, 1);
    }

    private static void atLeast(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
        }
    }

    private static void between(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
        }
    }
}
