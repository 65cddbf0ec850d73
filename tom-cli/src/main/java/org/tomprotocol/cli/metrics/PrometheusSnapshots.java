package org.tomprotocol.cli.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.tomprotocol.api.NodeMetrics;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.PrometheusNaming;

/**
 * A node's {@link NodeMetrics} as Prometheus metric families: every family is prefixed {@code tom_}, counters
 * are exposed with {@code _total}, histograms in seconds with their buckets, {@code _sum} and {@code _count}.
 */
public final class PrometheusSnapshots {
    private static final String PREFIX = "tom_";
    private static final Map<String, String> HELP = Map.ofEntries(
            Map.entry("messages", "Messages this node sent, by outcome (delivered, read, failed) and reason of failure"),
            Map.entry("messages_sent", "Messages the application handed to this node"),
            Map.entry("messages_received", "Messages delivered to the application"),
            Map.entry("rejected", "Input from the network refused, by reason"),
            Map.entry("relay_work", "Work done for others as a relay: forwarded envelopes, forwards that failed, "
                    + "relay acknowledgements sent"),
            Map.entry("path_changes", "Changes of the way a peer is reached, from and to relay or direct"),
            Map.entry("duplicates", "Copies of delivered messages acknowledged again"),
            Map.entry("fatal_errors", "Unrecoverable errors (the node fails)"),
            Map.entry("internal_errors", "Exceptions in the node's own code, logged"),
            Map.entry("queue_depth", "Tasks waiting for the node's agent thread, by queue"),
            Map.entry("messages_in_flight", "Messages sent and not yet delivered or failed"),
            Map.entry("peers", "Peers this node knows, by liveness state"),
            Map.entry("sessions", "Peers with an open transport session"),
            Map.entry("crypto_seconds", "Time spent in cryptography, by operation (seal, open, sign, verify)"),
            Map.entry("delivery_seconds", "Time from send to the recipient's acknowledgement"));

    private PrometheusSnapshots() {
    }

    /** The Prometheus families of {@code metrics}. */
    public static MetricSnapshots of(NodeMetrics metrics) {
        MetricSnapshots.Builder families = MetricSnapshots.builder();
        group(metrics.counters(), NodeMetrics.Counter::name).forEach((name, counters) -> {
            CounterSnapshot.Builder family = CounterSnapshot.builder().name(prometheusName(name)).help(help(name));
            for (NodeMetrics.Counter counter : counters) {
                family.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                        .labels(labels(counter.labels())).value(counter.value()).build());
            }
            families.metricSnapshot(family.build());
        });
        group(metrics.gauges(), NodeMetrics.Gauge::name).forEach((name, gauges) -> {
            GaugeSnapshot.Builder family = GaugeSnapshot.builder().name(prometheusName(name)).help(help(name));
            for (NodeMetrics.Gauge gauge : gauges) {
                family.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(labels(gauge.labels()))
                        .value(gauge.value()).build());
            }
            families.metricSnapshot(family.build());
        });
        group(metrics.histograms(), NodeMetrics.Histogram::name).forEach((name, histograms) -> {
            HistogramSnapshot.Builder family = HistogramSnapshot.builder().name(prometheusName(name)).help(help(name));
            for (NodeMetrics.Histogram histogram : histograms) {
                family.dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                        .labels(labels(histogram.labels())).classicHistogramBuckets(buckets(histogram))
                        .sum(histogram.sum()).build());
            }
            families.metricSnapshot(family.build());
        });
        return families.build();
    }

    /** The model counts each bucket on its own; the snapshot's are cumulative. */
    private static ClassicHistogramBuckets buckets(NodeMetrics.Histogram histogram) {
        List<NodeMetrics.Bucket> buckets = histogram.buckets();
        double[] bounds = new double[buckets.size()];
        long[] counts = new long[buckets.size()];
        long below = 0;
        for (int i = 0; i < buckets.size(); i++) {
            bounds[i] = buckets.get(i).upperBound();
            counts[i] = buckets.get(i).cumulativeCount() - below;
            below = buckets.get(i).cumulativeCount();
        }
        return ClassicHistogramBuckets.of(bounds, counts);
    }

    private static Labels labels(Map<String, String> labels) {
        return Labels.of(new ArrayList<>(labels.keySet()), new ArrayList<>(labels.values()));
    }

    private static <T> Map<String, List<T>> group(List<T> items, Function<T, String> name) {
        Map<String, List<T>> groups = new LinkedHashMap<>();
        items.stream().sorted(java.util.Comparator.comparing(name)).forEach(item ->
                groups.computeIfAbsent(name.apply(item), ignored -> new ArrayList<>()).add(item));
        return groups;
    }

    static String prometheusName(String family) {
        return PrometheusNaming.sanitizeMetricName(PREFIX + family);
    }

    private static String help(String family) {
        return HELP.getOrDefault(family, "ToM counter " + family);
    }
}
