package org.tomprotocol.api;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counters of a node, by name: messages sent, delivered, failed, relayed, and each reason an inbound frame
 * was rejected ({@code rejected.<reason>}). A snapshot; counters only grow.
 *
 * @param counters counter values by name
 */
@Api(status = Api.Status.INCUBATING, since = "0.1")
public record NodeMetrics(Map<String, Long> counters) {
    public NodeMetrics {
        counters = Map.copyOf(counters);
    }

    /** The value of a counter, 0 if it never moved. */
    public long get(String name) {
        return counters.getOrDefault(name, 0L);
    }

    /** Sum of every {@code rejected.*} counter. */
    public long rejectedTotal() {
        return counters.entrySet().stream().filter(e -> e.getKey().startsWith("rejected."))
                .mapToLong(Map.Entry::getValue).sum();
    }

    @Override
    public String toString() {
        return "NodeMetrics" + new TreeMap<>(counters);
    }
}
