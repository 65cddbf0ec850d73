package org.tomprotocol.discovery.gossip;

import java.util.Map;
import java.util.function.Function;

import org.tomprotocol.api.ConfigurationException;
import org.tomprotocol.discovery.gossip.hyparview.HyParViewConfig;
import org.tomprotocol.discovery.gossip.plumtree.PlumTreeConfig;

/**
 * Reads the provider's options ({@code gossip.*} keys of the node's options, all optional) into the two
 * state machines' configurations. docs/gossip.md lists the keys and their defaults.
 *
 * @param membership HyParView's parameters
 * @param broadcast  PlumTree's parameters
 */
record GossipSettings(HyParViewConfig membership, PlumTreeConfig broadcast) {
    static final String PREFIX = "gossip.";

    /**
     * The settings {@code options} ask for.
     *
     * @throws ConfigurationException naming the option whose value is unusable
     */
    static GossipSettings from(Map<String, String> options) {
        Reader read = new Reader(options);
        HyParViewConfig m = HyParViewConfig.DEFAULTS;
        PlumTreeConfig b = PlumTreeConfig.DEFAULTS;
        try {
            HyParViewConfig membership = new HyParViewConfig(
                    read.integer("active-view", m.activeViewCapacity()),
                    read.integer("passive-view", m.passiveViewCapacity()),
                    read.integer("active-walk", m.activeRandomWalkLength()),
                    read.integer("passive-walk", m.passiveRandomWalkLength()),
                    read.integer("shuffle-walk", m.shuffleRandomWalkLength()),
                    read.integer("shuffle-active", m.shuffleActiveCount()),
                    read.integer("shuffle-passive", m.shufflePassiveCount()),
                    read.millis("shuffle-interval-ms", m.shuffleIntervalMillis()),
                    read.millis("neighbor-timeout-ms", m.neighborTimeoutMillis()),
                    read.millis("keepalive-ms", m.keepAliveMillis()),
                    read.millis("join-retry-ms", m.joinRetryMillis()),
                    read.millis("max-join-retry-ms", m.maxJoinRetryMillis()),
                    read.millis("probe-interval-ms", m.probeIntervalMillis()),
                    read.integer("lost-peers", m.lostPeersCapacity()),
                    read.integer("max-probes", m.maxProbes()),
                    read.integer("introductions", m.introductions()));
            PlumTreeConfig broadcast = new PlumTreeConfig(
                    read.millis("graft-timeout-ms", b.graftTimeoutMillis()),
                    read.millis("graft-retry-ms", b.graftRetryMillis()),
                    read.millis("ihave-delay-ms", b.lazyPushDelayMillis()),
                    read.integer("optimization-threshold", b.optimizationThreshold()),
                    read.millis("message-cache-ms", b.messageCacheMillis()),
                    read.millis("message-id-retention-ms", b.messageIdRetentionMillis()),
                    read.integer("max-payload-bytes", b.maxPayloadBytes()),
                    read.integer("max-cached-messages", b.maxCachedMessages()),
                    read.integer("max-remembered-ids", b.maxRememberedIds()),
                    read.integer("max-missing-messages", b.maxMissingMessages()),
                    read.integer("catch-up-messages", b.catchUpMessages()));
            return new GossipSettings(membership, broadcast);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("gossip discovery options are inconsistent: " + e.getMessage()
                    + " (set the matching " + PREFIX + "* option)", e);
        }
    }

    private record Reader(Map<String, String> options) {
        int integer(String key, int fallback) {
            return parse(key, fallback, Integer::parseInt);
        }

        long millis(String key, long fallback) {
            return parse(key, fallback, Long::parseLong);
        }

        private <T> T parse(String key, T fallback, Function<String, T> parser) {
            String value = options.get(PREFIX + key);
            if (value == null) {
                return fallback;
            }
            try {
                return parser.apply(value.strip());
            } catch (NumberFormatException e) {
                throw new ConfigurationException("option " + PREFIX + key + "='" + value
                        + "' is not a whole number; remove it to use the default " + fallback);
            }
        }
    }
}
