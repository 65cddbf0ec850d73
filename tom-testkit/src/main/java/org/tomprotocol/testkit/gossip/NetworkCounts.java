package org.tomprotocol.testkit.gossip;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What happened on a {@link GossipNetwork}, counted since it was created.
 *
 * @param framesSent          frames handed to the network by discovery instances
 * @param framesDelivered     frames that reached a live node
 * @param framesLost          frames to a crashed or partitioned-away node
 * @param sessionsOpened      sessions set up on demand
 * @param sendsWithoutAddress sends to a peer whose address the sender was never told and with which it had no
 *                            session: a real transport could not have delivered them, so they are dropped
 * @param wrongAddresses      addresses learned for a node that are not that node's
 * @param neighborUps         {@code neighborUp} calls
 * @param neighborDowns       {@code neighborDown} calls
 * @param duplicateDeliveries payloads delivered again to a node that had already delivered them
 * @param rejections          {@code rejected} calls by reason, sorted by reason
 */
public record NetworkCounts(long framesSent, long framesDelivered, long framesLost, long sessionsOpened,
                            long sendsWithoutAddress, long wrongAddresses, long neighborUps, long neighborDowns,
                            long duplicateDeliveries, Map<String, Long> rejections) {
    public NetworkCounts {
        rejections = Collections.unmodifiableMap(new TreeMap<>(rejections));
    }

    /** All rejections, whatever the reason. */
    public long rejected() {
        return rejections.values().stream().mapToLong(Long::longValue).sum();
    }
}
