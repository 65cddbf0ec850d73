package org.tomprotocol.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeMetrics;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;

/** A node's typed snapshot in the Prometheus text format: names, types, labels, buckets. */
class PrometheusSnapshotsTest {
    private static String exposition(NodeMetrics metrics) {
        return PrometheusTextFormatWriter.create().toDebugString(PrometheusSnapshots.of(metrics));
    }

    private static NodeMetrics.Counter counter(String key, String name, Map<String, String> labels, long value) {
        return new NodeMetrics.Counter(key, name, labels, value);
    }

    @Test
    void countersBecomeTotalsWithTheirLabelsAndAHelpLine() {
        NodeMetrics metrics = new NodeMetrics(List.of(
                counter("rejected.bad-signature", "rejected", Map.of("reason", "bad-signature"), 3),
                counter("rejected.over-budget", "rejected", Map.of("reason", "over-budget"), 2),
                counter("messages.delivered", "messages", Map.of("outcome", "delivered"), 7),
                counter("messages.failed.no-route", "messages", Map.of("outcome", "failed", "reason", "no-route"), 1),
                counter("seal-failed", "seal_failed", Map.of(), 4)), List.of(), List.of());

        String text = exposition(metrics);

        assertThat(text).contains(
                "# TYPE tom_rejected_total counter",
                "# HELP tom_rejected_total Input from the network refused, by reason",
                "tom_rejected_total{reason=\"bad-signature\"} 3.0",
                "tom_rejected_total{reason=\"over-budget\"} 2.0",
                "tom_messages_total{outcome=\"delivered\"} 7.0",
                "tom_messages_total{outcome=\"failed\",reason=\"no-route\"} 1.0",
                "# TYPE tom_seal_failed_total counter",
                "tom_seal_failed_total 4.0");
    }

    @Test
    void gaugesKeepTheirLabels() {
        NodeMetrics metrics = new NodeMetrics(List.of(), List.of(
                new NodeMetrics.Gauge("queue_depth", Map.of("queue", "network"), 12),
                new NodeMetrics.Gauge("queue_depth", Map.of("queue", "control"), 0),
                new NodeMetrics.Gauge("messages_in_flight", Map.of(), 5)), List.of());

        String text = exposition(metrics);

        assertThat(text).contains("# TYPE tom_queue_depth gauge", "tom_queue_depth{queue=\"network\"} 12.0",
                "tom_queue_depth{queue=\"control\"} 0.0", "tom_messages_in_flight 5.0");
    }

    @Test
    void histogramsGiveCumulativeBucketsSumAndCountInSeconds() {
        NodeMetrics.Histogram seal = new NodeMetrics.Histogram("crypto_seconds", Map.of("operation", "seal"), 5, 0.25,
                0.00002, 0.2, 0.2, List.of(new NodeMetrics.Bucket(0.000025, 3), new NodeMetrics.Bucket(0.005, 4),
                        new NodeMetrics.Bucket(0.25, 5), new NodeMetrics.Bucket(Double.POSITIVE_INFINITY, 5)));

        String text = exposition(new NodeMetrics(List.of(), List.of(), List.of(seal)));

        assertThat(text).contains("# TYPE tom_crypto_seconds histogram",
                "tom_crypto_seconds_bucket{operation=\"seal\",le=\"2.5E-5\"} 3",
                "tom_crypto_seconds_bucket{operation=\"seal\",le=\"0.005\"} 4",
                "tom_crypto_seconds_bucket{operation=\"seal\",le=\"0.25\"} 5",
                "tom_crypto_seconds_bucket{operation=\"seal\",le=\"+Inf\"} 5",
                "tom_crypto_seconds_count{operation=\"seal\"} 5",
                "tom_crypto_seconds_sum{operation=\"seal\"} 0.25");
    }
}
