package org.tomprotocol.discovery.gossip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.tomprotocol.api.ConfigurationException;
import org.tomprotocol.api.OptionSpec;
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
        return read(new Reader(options));
    }

    /** The {@code gossip.*} options with their types and defaults, as the provider declares them. */
    static List<OptionSpec> optionSpecs() {
        Reader reader = new Reader(Map.of());
        read(reader);
        return List.copyOf(reader.specs);
    }

    private static GossipSettings read(Reader read) {
        HyParViewConfig m = HyParViewConfig.DEFAULTS;
        PlumTreeConfig b = PlumTreeConfig.DEFAULTS;
        try {
            HyParViewConfig membership = new HyParViewConfig(
                    read.integer("active-view", "activeViewCapacity", m.activeViewCapacity()),
                    read.integer("passive-view", "passiveViewCapacity", m.passiveViewCapacity()),
                    read.integer("active-walk", "activeRandomWalkLength", m.activeRandomWalkLength()),
                    read.integer("passive-walk", "passiveRandomWalkLength", m.passiveRandomWalkLength()),
                    read.integer("shuffle-walk", "shuffleRandomWalkLength", m.shuffleRandomWalkLength()),
                    read.integer("shuffle-active", "shuffleActiveCount", m.shuffleActiveCount()),
                    read.integer("shuffle-passive", "shufflePassiveCount", m.shufflePassiveCount()),
                    read.millis("shuffle-interval-ms", "shuffleIntervalMillis", m.shuffleIntervalMillis()),
                    read.millis("neighbor-timeout-ms", "neighborTimeoutMillis", m.neighborTimeoutMillis()),
                    read.millis("keepalive-ms", "keepAliveMillis", m.keepAliveMillis()),
                    read.millis("join-retry-ms", "joinRetryMillis", m.joinRetryMillis()),
                    read.millis("max-join-retry-ms", "maxJoinRetryMillis", m.maxJoinRetryMillis()),
                    read.millis("probe-interval-ms", "probeIntervalMillis", m.probeIntervalMillis()),
                    read.integer("lost-peers", "lostPeersCapacity", m.lostPeersCapacity()),
                    read.integer("max-probes", "maxProbes", m.maxProbes()),
                    read.integer("introductions", "introductions", m.introductions()),
                    read.integer("passive-per-source", "passivePerSource", m.passivePerSource()),
                    read.integer("membership-per-second", "membershipPerSecond", m.membershipPerSecond()),
                    read.integer("membership-burst", "membershipBurst", m.membershipBurst()));
            PlumTreeConfig broadcast = new PlumTreeConfig(
                    read.millis("graft-timeout-ms", "graftTimeoutMillis", b.graftTimeoutMillis()),
                    read.millis("graft-retry-ms", "graftRetryMillis", b.graftRetryMillis()),
                    read.millis("ihave-delay-ms", "lazyPushDelayMillis", b.lazyPushDelayMillis()),
                    read.integer("optimization-threshold", "optimizationThreshold", b.optimizationThreshold()),
                    read.millis("message-cache-ms", "messageCacheMillis", b.messageCacheMillis()),
                    read.millis("message-id-retention-ms", "messageIdRetentionMillis", b.messageIdRetentionMillis()),
                    read.integer("max-payload-bytes", "maxPayloadBytes", b.maxPayloadBytes()),
                    read.integer("max-cached-messages", "maxCachedMessages", b.maxCachedMessages()),
                    read.integer("max-remembered-ids", "maxRememberedIds", b.maxRememberedIds()),
                    read.integer("max-missing-messages", "maxMissingMessages", b.maxMissingMessages()),
                    read.integer("catch-up-messages", "catchUpMessages", b.catchUpMessages()),
                    read.integer("max-pending-validations", "maxPendingValidations", b.maxPendingValidations()),
                    read.integer("max-pending-per-neighbor", "maxPendingPerNeighbor", b.maxPendingPerNeighbor()),
                    read.millis("validation-timeout-ms", "validationTimeoutMillis", b.validationTimeoutMillis()));
            return new GossipSettings(membership, broadcast);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("gossip discovery options are inconsistent: " + e.getMessage()
                    + " (set " + read.keysNamedIn(e.getMessage()) + ")", e);
        }
    }

    /** Reads options by key, remembering which configuration parameter each key sets. */
    private static final class Reader {
        private final Map<String, String> options;
        private final Map<String, String> keyOfParameter = new LinkedHashMap<>();
        private final List<OptionSpec> specs = new ArrayList<>();

        Reader(Map<String, String> options) {
            this.options = options;
        }

        int integer(String key, String parameter, int fallback) {
            specs.add(spec(key, OptionSpec.Type.INTEGER, fallback, parameter));
            return parse(key, parameter, fallback, Integer::parseInt);
        }

        long millis(String key, String parameter, long fallback) {
            specs.add(spec(key, OptionSpec.Type.MILLISECONDS, fallback, parameter));
            return parse(key, parameter, fallback, Long::parseLong);
        }

        /** The option's description is its parameter's name in words (docs/gossip.md says more). */
        private static OptionSpec spec(String key, OptionSpec.Type type, long fallback, String parameter) {
            String words = parameter.replaceAll("([A-Z])", " $1").toLowerCase(java.util.Locale.ROOT);
            return new OptionSpec(PREFIX + key, type, String.valueOf(fallback),
                    "The " + words + " (see docs/gossip.md).");
        }

        /** The options whose parameters {@code message} names, e.g. {@code gossip.passive-walk}. */
        String keysNamedIn(String message) {
            StringJoiner keys = new StringJoiner(" or ");
            keyOfParameter.forEach((parameter, key) -> {
                if (Pattern.compile("\\b" + parameter + "\\b").matcher(message).find()) {
                    keys.add(PREFIX + key);
                }
            });
            return keys.length() == 0 ? "the matching " + PREFIX + "* option" : keys.toString();
        }

        private <T> T parse(String key, String parameter, T fallback, Function<String, T> parser) {
            keyOfParameter.put(parameter, key);
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
