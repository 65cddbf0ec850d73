package org.tomprotocol.testkit.gossip;

import java.time.Duration;
import java.util.Objects;

/** Latency between simulated nodes, the current partition, and the idle timeout of sessions. */
final class SimulatedLinks {
    private final long seed;
    private long minLatency = GossipNetwork.DEFAULT_MIN_LATENCY_MILLIS;
    private long maxLatency = GossipNetwork.DEFAULT_MAX_LATENCY_MILLIS;
    private long idleTimeoutMillis = GossipNetwork.DEFAULT_IDLE_TIMEOUT.toMillis();
    private byte[] sides = new byte[0];

    SimulatedLinks(long seed) {
        this.seed = seed;
    }

    void latency(long minMillis, long maxMillis) {
        if (minMillis < 0 || maxMillis < minMillis) {
            throw new IllegalArgumentException("latency range must satisfy 0 <= min <= max, got [" + minMillis
                    + ", " + maxMillis + "] ms");
        }
        this.minLatency = minMillis;
        this.maxLatency = maxMillis;
    }

    void idleTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.toMillis() < 1) {
            throw new IllegalArgumentException("idle timeout must be at least 1 ms, got " + timeout);
        }
        this.idleTimeoutMillis = timeout.toMillis();
    }

    long idleTimeoutMillis() {
        return idleTimeoutMillis;
    }

    /** The one-way latency between nodes {@code a} and {@code b}: fixed per pair, uniform over the range. */
    long latency(int a, int b) {
        long span = maxLatency - minLatency + 1;
        return minLatency + Math.floorMod(mix(seed ^ pairKey(a, b)), span);
    }

    /** An order-independent key for the pair {@code a}, {@code b}. */
    static long pairKey(int a, int b) {
        return ((long) Math.min(a, b) << 32) | (Math.max(a, b) & 0xFFFFFFFFL);
    }

    void partition(int[] sideA, int[] sideB) {
        if (sideA.length == 0 || sideB.length == 0) {
            throw new IllegalArgumentException("both sides of a partition need at least one node");
        }
        int max = 0;
        for (int index : sideA) {
            max = Math.max(max, index);
        }
        for (int index : sideB) {
            max = Math.max(max, index);
        }
        byte[] next = new byte[Math.max(sides.length, max + 1)];
        for (int index : sideA) {
            next[index] = 1;
        }
        for (int index : sideB) {
            if (next[index] == 1) {
                throw new IllegalArgumentException("a node cannot be on both sides of a partition");
            }
            next[index] = 2;
        }
        sides = next;
    }

    void heal() {
        sides = new byte[0];
    }

    boolean separated(int a, int b) {
        if (a >= sides.length || b >= sides.length) {
            return false;
        }
        return sides[a] != 0 && sides[b] != 0 && sides[a] != sides[b];
    }

    private static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
