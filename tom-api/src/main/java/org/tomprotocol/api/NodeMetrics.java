package org.tomprotocol.api;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A snapshot of a node's metrics, typed: counters (only grow), gauges (a level now) and histograms (how
 * durations were distributed, in seconds). Each series is a family name and labels, e.g. the counter
 * {@code rejected{reason=bad-signature}} or the histogram {@code crypto_seconds{operation=verify}};
 * {@code docs/operations.md} lists them. A counter also keeps the flat key it is counted under
 * ({@code rejected.bad-signature}), which {@link #get(String)} reads.
 *
 * @param counters   every counter that moved
 * @param gauges     every gauge, read when the snapshot was taken
 * @param histograms every histogram, cumulative since the node started
 */
@Api(status = Api.Status.INCUBATING, since = "0.1")
public record NodeMetrics(List<Counter> counters, List<Gauge> gauges, List<Histogram> histograms) {
    public NodeMetrics {
        counters = List.copyOf(counters);
        gauges = List.copyOf(gauges);
        histograms = List.copyOf(histograms);
    }

    /**
     * A counter: how often something happened since the node started.
     *
     * @param key    the flat name it is counted under, e.g. {@code rejected.bad-signature}
     * @param name   its family, e.g. {@code rejected}
     * @param labels what distinguishes it within the family, e.g. {@code reason=bad-signature}
     * @param value  its count
     */
    public record Counter(String key, String name, Map<String, String> labels, long value) {
        public Counter {
            labels = sorted(labels);
        }
    }

    /**
     * A gauge: a level when the snapshot was taken, e.g. a queue's depth.
     *
     * @param name   its family, e.g. {@code queue_depth}
     * @param labels what distinguishes it within the family, e.g. {@code queue=network}
     * @param value  its level
     */
    public record Gauge(String name, Map<String, String> labels, long value) {
        public Gauge {
            labels = sorted(labels);
        }
    }

    /**
     * A histogram of durations since the node started, in seconds.
     *
     * @param name    its family, e.g. {@code crypto_seconds}
     * @param labels  what distinguishes it within the family, e.g. {@code operation=seal}
     * @param count   how many durations were recorded
     * @param sum     their sum
     * @param p50     the median (to within 1 %)
     * @param p99     the 99th percentile (to within 1 %)
     * @param max     the largest (to within 1 %)
     * @param buckets cumulative counts at ascending upper bounds, the last one infinite and equal to {@code count}
     */
    public record Histogram(String name, Map<String, String> labels, long count, double sum, double p50, double p99,
                            double max, List<Bucket> buckets) {
        public Histogram {
            labels = sorted(labels);
            buckets = List.copyOf(buckets);
        }

        /** How many recorded durations were at most {@code seconds}, to the nearest bucket bound at or above it. */
        public long countAtMost(double seconds) {
            return buckets.stream().filter(b -> b.upperBound() >= seconds).findFirst()
                    .map(Bucket::cumulativeCount).orElse(count);
        }
    }

    /**
     * One bucket of a {@link Histogram}.
     *
     * @param upperBound      the bucket's upper bound in seconds ({@link Double#POSITIVE_INFINITY} for the last)
     * @param cumulativeCount how many durations were at most {@code upperBound}
     */
    public record Bucket(double upperBound, long cumulativeCount) {
    }

    /** The counter counted under {@code key} (e.g. {@code rejected.bad-signature}), 0 if it never moved. */
    public long get(String key) {
        for (Counter counter : counters) {
            if (counter.key().equals(key)) {
                return counter.value();
            }
        }
        return 0;
    }

    /** Every counter by its flat key. */
    public Map<String, Long> byKey() {
        Map<String, Long> values = new TreeMap<>();
        counters.forEach(counter -> values.put(counter.key(), counter.value()));
        return Collections.unmodifiableMap(values);
    }

    /** The sum of a counter family over all its labels, e.g. {@code total("messages")}. */
    public long total(String name) {
        return counters.stream().filter(c -> c.name().equals(name)).mapToLong(Counter::value).sum();
    }

    /** The counter of family {@code name} with exactly {@code labels}, 0 if it never moved. */
    public long counter(String name, Map<String, String> labels) {
        return counters.stream().filter(c -> c.name().equals(name) && c.labels().equals(labels))
                .mapToLong(Counter::value).findFirst().orElse(0);
    }

    /** Sum of every {@code rejected} counter, whatever the reason. */
    public long rejectedTotal() {
        return total("rejected");
    }

    /** The gauge of family {@code name} with exactly {@code labels}, if the node has one. */
    public Optional<Gauge> gauge(String name, Map<String, String> labels) {
        return gauges.stream().filter(g -> g.name().equals(name) && g.labels().equals(labels)).findFirst();
    }

    /** The histogram of family {@code name} with exactly {@code labels}, if the node has one. */
    public Optional<Histogram> histogram(String name, Map<String, String> labels) {
        return histograms.stream().filter(h -> h.name().equals(name) && h.labels().equals(labels)).findFirst();
    }

    private static Map<String, String> sorted(Map<String, String> labels) {
        return Collections.unmodifiableMap(new TreeMap<>(labels));
    }
}
