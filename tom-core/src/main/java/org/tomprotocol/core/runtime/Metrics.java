package org.tomprotocol.core.runtime;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.tomprotocol.api.NodeMetrics;

/** A node's counters; incremented from any thread without locks on the hot path. */
final class Metrics {
    private static final int MAX_COUNTERS = 512;

    private final ConcurrentHashMap<String, LongAdder> counters = new ConcurrentHashMap<>();

    void increment(String name) {
        LongAdder adder = counters.get(name);
        if (adder == null) {
            if (counters.size() >= MAX_COUNTERS) {
                name = "other";
            }
            adder = counters.computeIfAbsent(name, ignored -> new LongAdder());
        }
        adder.increment();
    }

    NodeMetrics snapshot() {
        Map<String, Long> values = new HashMap<>();
        counters.forEach((name, adder) -> values.put(name, adder.sum()));
        return new NodeMetrics(values);
    }
}
