package org.tomprotocol.testkit.gossip;

import java.util.Map;
import java.util.TreeMap;

/** The live counters of a {@link GossipNetwork}; {@link #snapshot()} copies them. */
final class NetworkCounters {
    long framesSent;
    long framesDelivered;
    long framesLost;
    long sessionsOpened;
    long sendsWithoutAddress;
    long wrongAddresses;
    long neighborUps;
    long neighborDowns;
    long duplicateDeliveries;
    private final Map<String, Long> rejections = new TreeMap<>();

    void rejected(String reason) {
        rejections.merge(reason, 1L, Long::sum);
    }

    NetworkCounts snapshot() {
        return new NetworkCounts(framesSent, framesDelivered, framesLost, sessionsOpened, sendsWithoutAddress,
                wrongAddresses, neighborUps, neighborDowns, duplicateDeliveries, rejections);
    }
}
