package org.tomprotocol.discovery.gossip.plumtree;

/**
 * PlumTree's parameters; defaults follow iroh-gossip and the paper (docs/gossip.md).
 *
 * @param graftTimeoutMillis       how long an announced but missing broadcast is awaited by eager push before
 *                                 it is grafted from the announcer (80 ms)
 * @param graftRetryMillis         how long a graft may stay unanswered before the next announcer is asked (40 ms)
 * @param lazyPushDelayMillis      how long IHave announcements are batched before they are sent (5 ms)
 * @param optimizationThreshold    hops an announcer must be closer to the origin than the eager sender before
 *                                 the tree is rewired through it (7)
 * @param messageCacheMillis       how long payloads are kept to answer grafts (30 s)
 * @param messageIdRetentionMillis how long ids of seen broadcasts are remembered for deduplication (90 s)
 * @param maxPayloadBytes          largest broadcast payload; a Gossip frame carrying more is refused by the codec
 *                                 (8 KiB: the engine refuses larger announces anyway)
 * @param maxCachedMessages        payloads kept at most, whatever their age
 * @param maxRememberedIds         ids remembered at most, whatever their age
 * @param maxMissingMessages       announced-but-missing broadcasts tracked at most
 * @param catchUpMessages          how many of the newest cached broadcasts a new neighbour is told of (IHave),
 *                                 so a node that links up after a broadcast passed grafts what it missed (64;
 *                                 0 disables)
 * @param maxPendingValidations    payloads awaiting the node's verdict at most, from all senders together (256)
 * @param maxPendingPerNeighbor    payloads awaiting the verdict at most per neighbour, and for all non-neighbours
 *                                 together (64, the catch-up's size); fewer for a sender of recent invalid ones
 * @param validationTimeoutMillis  how long a payload may await its verdict before it is forgotten (5 s)
 */
public record PlumTreeConfig(long graftTimeoutMillis, long graftRetryMillis, long lazyPushDelayMillis,
                             int optimizationThreshold, long messageCacheMillis, long messageIdRetentionMillis,
                             int maxPayloadBytes, int maxCachedMessages, int maxRememberedIds,
                             int maxMissingMessages, int catchUpMessages, int maxPendingValidations,
                             int maxPendingPerNeighbor, long validationTimeoutMillis) {
    /** ToM's defaults. */
    public static final PlumTreeConfig DEFAULTS = new PlumTreeConfig(80, 40, 5, 7, 30_000, 90_000, 8 * 1024,
            4_096, 65_536, 4_096, 64, 256, 64, 5_000);

    public PlumTreeConfig {
        atLeast("graftTimeoutMillis", graftTimeoutMillis, 1);
        atLeast("graftRetryMillis", graftRetryMillis, 1);
        atLeast("lazyPushDelayMillis", lazyPushDelayMillis, 0);
        atLeast("optimizationThreshold", optimizationThreshold, 1);
        atLeast("messageCacheMillis", messageCacheMillis, 1);
        atLeast("messageIdRetentionMillis", messageIdRetentionMillis, messageCacheMillis);
        atLeast("maxPayloadBytes", maxPayloadBytes, 1);
        atLeast("maxCachedMessages", maxCachedMessages, 1);
        atLeast("maxRememberedIds", maxRememberedIds, maxCachedMessages);
        atLeast("maxMissingMessages", maxMissingMessages, 1);
        atLeast("catchUpMessages", catchUpMessages, 0);
        atLeast("maxPendingValidations", maxPendingValidations, 1);
        atLeast("maxPendingPerNeighbor", maxPendingPerNeighbor, 1);
        atLeast("validationTimeoutMillis", validationTimeoutMillis, 1);
        if (maxPendingPerNeighbor > maxPendingValidations) {
            throw new IllegalArgumentException("maxPendingPerNeighbor must be at most maxPendingValidations ("
                    + maxPendingValidations + "), got " + maxPendingPerNeighbor);
        }
        if (catchUpMessages > maxCachedMessages) {
            throw new IllegalArgumentException("catchUpMessages must be at most maxCachedMessages ("
                    + maxCachedMessages + "), got " + catchUpMessages);
        }
    }

    private static void atLeast(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
        }
    }
}
