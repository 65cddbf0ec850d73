package org.tomprotocol.core.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import org.tomprotocol.api.NodeMetrics;

/**
 * A node's metrics: counters incremented from any thread without locks, gauges read when a snapshot is
 * taken, and duration histograms recorded wait-free. Counters are kept by flat key and typed when a snapshot
 * is taken ({@link CounterCatalogue}); past 512 keys, new ones are counted under {@code other}, so input from
 * the network can never grow the table.
 */
final class Metrics {
    private static final int MAX_COUNTERS = 512;

    private record GaugeSource(String name, Map<String, String> labels, LongSupplier value) {
    }

    private final ConcurrentHashMap<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final List<GaugeSource> gauges = new CopyOnWriteArrayList<>();
    private final List<DurationHistogram> histograms = new CopyOnWriteArrayList<>();

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

    /** Registers a gauge, read at each snapshot; {@code value} must be safe to call from any thread. */
    void gauge(String name, Map<String, String> labels, LongSupplier value) {
        gauges.add(new GaugeSource(name, Map.copyOf(labels), value));
    }

    /** Registers and returns a histogram of durations. */
    DurationHistogram histogram(String name, Map<String, String> labels) {
        DurationHistogram histogram = new DurationHistogram(name, labels);
        histograms.add(histogram);
        return histogram;
    }

    /** Bytes held by the histograms, for tests that bound what metrics cost a node. */
    long histogramFootprintBytes() {
        return histograms.stream().mapToLong(DurationHistogram::footprintBytes).sum();
    }

    NodeMetrics snapshot() {
        List<NodeMetrics.Counter> typed = new ArrayList<>(counters.size());
        counters.forEach((key, adder) -> typed.add(CounterCatalogue.counter(key, adder.sum())));
        List<NodeMetrics.Gauge> levels = new ArrayList<>(gauges.size());
        for (GaugeSource gauge : gauges) {
            levels.add(new NodeMetrics.Gauge(gauge.name(), gauge.labels(), gauge.value().getAsLong()));
        }
        List<NodeMetrics.Histogram> distributions = new ArrayList<>(histograms.size());
        for (DurationHistogram histogram : histograms) {
            distributions.add(histogram.snapshot());
        }
        return new NodeMetrics(typed, levels, distributions);
    }
}
