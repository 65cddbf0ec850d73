package org.tomprotocol.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The typed snapshot's reading methods, and that a snapshot cannot change once taken. */
class NodeMetricsTest {
    private static final NodeMetrics.Histogram DELIVERY = new NodeMetrics.Histogram("delivery_seconds", Map.of(), 4,
            0.9, 0.1, 0.5, 0.5, List.of(new NodeMetrics.Bucket(0.05, 1), new NodeMetrics.Bucket(0.25, 3),
                    new NodeMetrics.Bucket(1.0, 4), new NodeMetrics.Bucket(Double.POSITIVE_INFINITY, 4)));

    private static final NodeMetrics METRICS = new NodeMetrics(List.of(
            new NodeMetrics.Counter("rejected.expired", "rejected", Map.of("reason", "expired"), 2),
            new NodeMetrics.Counter("rejected.bad-signature", "rejected", Map.of("reason", "bad-signature"), 5),
            new NodeMetrics.Counter("messages.failed.no-route", "messages",
                    Map.of("reason", "no-route", "outcome", "failed"), 1),
            new NodeMetrics.Counter("duplicates", "duplicates", Map.of(), 3)),
            List.of(new NodeMetrics.Gauge("peers", Map.of("state", "online"), 7)), List.of(DELIVERY));

    @Test
    void countersAreReadByFlatKeyByFamilyOrByExactLabels() {
        assertThat(METRICS.get("rejected.bad-signature")).isEqualTo(5);
        assertThat(METRICS.get("never-counted")).isZero();
        assertThat(METRICS.rejectedTotal()).isEqualTo(7);
        assertThat(METRICS.total("rejected")).isEqualTo(7);
        assertThat(METRICS.counter("messages", Map.of("outcome", "failed", "reason", "no-route"))).isEqualTo(1);
        assertThat(METRICS.counter("messages", Map.of("outcome", "failed"))).as("labels must match exactly").isZero();
        assertThat(METRICS.byKey()).containsExactly(Map.entry("duplicates", 3L),
                Map.entry("messages.failed.no-route", 1L), Map.entry("rejected.bad-signature", 5L),
                Map.entry("rejected.expired", 2L));
    }

    @Test
    void gaugesAndHistogramsAreFoundByNameAndLabels() {
        assertThat(METRICS.gauge("peers", Map.of("state", "online"))).map(NodeMetrics.Gauge::value).contains(7L);
        assertThat(METRICS.gauge("peers", Map.of("state", "stale"))).isEmpty();
        assertThat(METRICS.histogram("delivery_seconds", Map.of())).contains(DELIVERY);
        assertThat(METRICS.histogram("crypto_seconds", Map.of("operation", "seal"))).isEmpty();
    }

    @Test
    void aHistogramCountsDurationsAtMostABoundToTheNearestBucketAboveIt() {
        assertThat(DELIVERY.countAtMost(0.05)).isEqualTo(1);
        assertThat(DELIVERY.countAtMost(0.1)).as("0.25 is the nearest bound above").isEqualTo(3);
        assertThat(DELIVERY.countAtMost(100)).isEqualTo(4);
    }

    @Test
    void aSnapshotCannotChangeOnceTaken() {
        Map<String, String> labels = new HashMap<>(Map.of("reason", "expired"));
        List<NodeMetrics.Counter> counters = new ArrayList<>(List.of(
                new NodeMetrics.Counter("rejected.expired", "rejected", labels, 1)));
        NodeMetrics snapshot = new NodeMetrics(counters, List.of(), List.of());

        labels.put("reason", "changed");
        counters.clear();

        assertThat(snapshot.counters()).singleElement().satisfies(c ->
                assertThat(c.labels()).containsExactlyEntriesOf(Map.of("reason", "expired")));
        assertThatThrownBy(() -> snapshot.counters().getFirst().labels().put("x", "y"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
