package org.tomprotocol.testkit.gossip;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a {@link GossipSimulation} runs: the papers' failure experiment on {@code nodes} nodes, failing
 * {@code failFraction} of them at once. Start from {@link #of(int, double, long)} and change what you need
 * with the {@code with…} methods; docs/gossip.md explains each phase.
 *
 * @param nodes              nodes in the network (2 to 1 000 000)
 * @param failFraction       fraction of nodes crashed at once, in [0, 1); at least two nodes must stay alive
 * @param seed               the seed every random choice comes from: the same seed gives the same result
 * @param minLatencyMillis   smallest one-way latency between two nodes
 * @param maxLatencyMillis   largest one-way latency between two nodes
 * @param joinIntervalMillis time between two nodes starting; each joins through one random earlier node
 * @param stabiliseMillis    time the overlay runs after the last join before anything is measured
 * @param warmupBroadcasts   broadcasts before the failure, one per round (they build PlumTree's tree)
 * @param recoveryRounds     rounds after the failure, one broadcast each
 * @param roundMillis        virtual time of a round: a broadcast, then this long until the next
 * @param idleTimeoutMillis  how long a session to a crashed, silent peer lasts before it is reported broken
 * @param payloadBytes       size of each broadcast payload (at least 16)
 * @param providerId         the discovery provider to use; empty for the highest-priority one available
 * @param options            options given to every node's discovery (e.g. {@code gossip.shuffle-interval-ms})
 */
public record SimulationSettings(int nodes, double failFraction, long seed, long minLatencyMillis,
                                 long maxLatencyMillis, long joinIntervalMillis, long stabiliseMillis,
                                 int warmupBroadcasts, int recoveryRounds, long roundMillis, long idleTimeoutMillis,
                                 int payloadBytes, String providerId, Map<String, String> options) {
    /** Default time between two joins. */
    public static final long DEFAULT_JOIN_INTERVAL_MILLIS = 5;
    /** Default settling time after the last join: two default shuffle periods. */
    public static final long DEFAULT_STABILISE_MILLIS = 60_000;
    /** Default number of warm-up broadcasts. */
    public static final int DEFAULT_WARMUP_BROADCASTS = 5;
    /** Default number of rounds after the failure. */
    public static final int DEFAULT_RECOVERY_ROUNDS = 10;
    /** Default round length. */
    public static final long DEFAULT_ROUND_MILLIS = 1_000;
    /** Default payload size. */
    public static final int DEFAULT_PAYLOAD_BYTES = 64;

    public SimulationSettings {
        if (nodes < 2 || nodes > 1_000_000) {
            throw new IllegalArgumentException("nodes must be between 2 and 1000000, got " + nodes);
        }
        if (!(failFraction >= 0 && failFraction < 1)) {
            throw new IllegalArgumentException("failFraction must be at least 0 and below 1, got " + failFraction);
        }
        if (nodes - failedNodes(nodes, failFraction) < 2) {
            throw new IllegalArgumentException("failing " + failFraction + " of " + nodes
                    + " nodes leaves fewer than 2 alive: lower failFraction or add nodes");
        }
        if (minLatencyMillis < 0 || maxLatencyMillis < minLatencyMillis) {
            throw new IllegalArgumentException("latencies must satisfy 0 <= min <= max, got [" + minLatencyMillis
                    + ", " + maxLatencyMillis + "] ms");
        }
        nonNegative("joinIntervalMillis", joinIntervalMillis);
        nonNegative("stabiliseMillis", stabiliseMillis);
        nonNegative("warmupBroadcasts", warmupBroadcasts);
        if (recoveryRounds < 1) {
            throw new IllegalArgumentException("recoveryRounds must be at least 1, got " + recoveryRounds);
        }
        if (roundMillis < 1 || idleTimeoutMillis < 1) {
            throw new IllegalArgumentException("roundMillis and idleTimeoutMillis must be at least 1 ms, got "
                    + roundMillis + " and " + idleTimeoutMillis);
        }
        if (payloadBytes < BroadcastProbe.MARKER_BYTES) {
            throw new IllegalArgumentException("payloadBytes must be at least " + BroadcastProbe.MARKER_BYTES
                    + ", got " + payloadBytes);
        }
        providerId = Objects.requireNonNullElse(providerId, "");
        options = java.util.Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(options, "options")));
    }

    /** The defaults for {@code nodes} nodes, failing {@code failFraction} of them, from {@code seed}. */
    public static SimulationSettings of(int nodes, double failFraction, long seed) {
        return new SimulationSettings(nodes, failFraction, seed, GossipNetwork.DEFAULT_MIN_LATENCY_MILLIS,
                GossipNetwork.DEFAULT_MAX_LATENCY_MILLIS, DEFAULT_JOIN_INTERVAL_MILLIS, DEFAULT_STABILISE_MILLIS,
                DEFAULT_WARMUP_BROADCASTS, DEFAULT_RECOVERY_ROUNDS, DEFAULT_ROUND_MILLIS,
                GossipNetwork.DEFAULT_IDLE_TIMEOUT.toMillis(), DEFAULT_PAYLOAD_BYTES, "", Map.of());
    }

    /** How many nodes fail: {@code round(nodes × failFraction)}. */
    public int failedNodes() {
        return failedNodes(nodes, failFraction);
    }

    private static int failedNodes(int nodes, double failFraction) {
        return (int) Math.round(nodes * failFraction);
    }

    public SimulationSettings withLatency(long minMillis, long maxMillis) {
        return new SimulationSettings(nodes, failFraction, seed, minMillis, maxMillis, joinIntervalMillis,
                stabiliseMillis, warmupBroadcasts, recoveryRounds, roundMillis, idleTimeoutMillis, payloadBytes,
                providerId, options);
    }

    public SimulationSettings withJoinInterval(long millis) {
        return new SimulationSettings(nodes, failFraction, seed, minLatencyMillis, maxLatencyMillis, millis,
                stabiliseMillis, warmupBroadcasts, recoveryRounds, roundMillis, idleTimeoutMillis, payloadBytes,
                providerId, options);
    }

    public SimulationSettings withStabilise(long millis) {
        return new SimulationSettings(nodes, failFraction, seed, minLatencyMillis, maxLatencyMillis,
                joinIntervalMillis, millis, warmupBroadcasts, recoveryRounds, roundMillis, idleTimeoutMillis,
                payloadBytes, providerId, options);
    }

    public SimulationSettings withRounds(int warmup, int recovery, long roundLengthMillis) {
        return new SimulationSettings(nodes, failFraction, seed, minLatencyMillis, maxLatencyMillis,
                joinIntervalMillis, stabiliseMillis, warmup, recovery, roundLengthMillis, idleTimeoutMillis,
                payloadBytes, providerId, options);
    }

    public SimulationSettings withIdleTimeout(long millis) {
        return new SimulationSettings(nodes, failFraction, seed, minLatencyMillis, maxLatencyMillis,
                joinIntervalMillis, stabiliseMillis, warmupBroadcasts, recoveryRounds, roundMillis, millis,
                payloadBytes, providerId, options);
    }

    public SimulationSettings withPayloadBytes(int bytes) {
        return new SimulationSettings(nodes, failFraction, seed, minLatencyMillis, maxLatencyMillis,
                joinIntervalMillis, stabiliseMillis, warmupBroadcasts, recoveryRounds, roundMillis, idleTimeoutMillis,
                bytes, providerId, options);
    }

    public SimulationSettings withProvider(String id) {
        return new SimulationSettings(nodes, failFraction, seed, minLatencyMillis, maxLatencyMillis,
                joinIntervalMillis, stabiliseMillis, warmupBroadcasts, recoveryRounds, roundMillis, idleTimeoutMillis,
                payloadBytes, id, options);
    }

    public SimulationSettings withOptions(Map<String, String> nodeOptions) {
        return new SimulationSettings(nodes, failFraction, seed, minLatencyMillis, maxLatencyMillis,
                joinIntervalMillis, stabiliseMillis, warmupBroadcasts, recoveryRounds, roundMillis, idleTimeoutMillis,
                payloadBytes, providerId, nodeOptions);
    }

    private static void nonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, got " + value);
        }
    }
}
