package org.tomprotocol.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeMetrics;

/** The typed snapshot: counters by family and labels under their flat keys, gauges read at the snapshot. */
class MetricsTest {
    private final Metrics metrics = new Metrics();

    private void count(String key, int times) {
        for (int i = 0; i < times; i++) {
            metrics.increment(key);
        }
    }

    @Test
    void countersAreTypedByFamilyAndLabelsAndStillReadByTheirFlatKey() {
        count("rejected.bad-signature", 2);
        count("rejected.over-budget", 3);
        count("messages.delivered", 4);
        count("messages.failed.no-route", 1);
        count("forwarded", 5);
        count("relay-acknowledged", 2);
        count("path-changes.relay.direct", 1);
        count("delivered-to-app", 6);
        count("fatal-errors", 1);

        NodeMetrics snapshot = metrics.snapshot();

        assertThat(snapshot.counter("rejected", Map.of("reason", "bad-signature"))).isEqualTo(2);
        assertThat(snapshot.get("rejected.bad-signature")).isEqualTo(2);
        assertThat(snapshot.rejectedTotal()).isEqualTo(5);
        assertThat(snapshot.counter("messages", Map.of("outcome", "delivered"))).isEqualTo(4);
        assertThat(snapshot.counter("messages", Map.of("outcome", "failed", "reason", "no-route"))).isEqualTo(1);
        assertThat(snapshot.counter("relay_work", Map.of("work", "forwarded"))).isEqualTo(5);
        assertThat(snapshot.get("forwarded")).isEqualTo(5);
        assertThat(snapshot.counter("relay_work", Map.of("work", "acknowledged"))).isEqualTo(2);
        assertThat(snapshot.counter("path_changes", Map.of("from", "relay", "to", "direct"))).isEqualTo(1);
        assertThat(snapshot.counter("messages_received", Map.of())).isEqualTo(6);
        assertThat(snapshot.get("delivered-to-app")).isEqualTo(6);
        assertThat(snapshot.counter("fatal_errors", Map.of())).isEqualTo(1);
        assertThat(snapshot.byKey()).containsEntry("fatal-errors", 1L).hasSize(9);
        assertThat(snapshot.get("never-counted")).isZero();
    }

    @Test
    void theLastLabelTakesTheRestOfTheKeyDotsIncluded() {
        count("rejected.discovery-membership.rate", 1);

        assertThat(metrics.snapshot().counters()).singleElement().satisfies(counter -> {
            assertThat(counter.name()).isEqualTo("rejected");
            assertThat(counter.labels()).containsExactlyEntriesOf(Map.of("reason", "discovery-membership.rate"));
        });
    }

    @Test
    void pastFiveHundredAndTwelveKeysNewOnesAreCountedUnderOther() {
        for (int i = 0; i < 600; i++) {
            metrics.increment("rejected.reason-" + i);
        }

        NodeMetrics snapshot = metrics.snapshot();

        assertThat(snapshot.counters()).hasSize(513);
        assertThat(snapshot.get("other")).isEqualTo(600 - 512);
        assertThat(snapshot.total("rejected") + snapshot.get("other")).isEqualTo(600);
    }

    @Test
    void gaugesAreReadWhenTheSnapshotIsTaken() {
        AtomicLong depth = new AtomicLong(3);
        metrics.gauge("queue_depth", Map.of("queue", "network"), depth::get);

        assertThat(metrics.snapshot().gauge("queue_depth", Map.of("queue", "network")))
                .hasValueSatisfying(g -> assertThat(g.value()).isEqualTo(3));
        depth.set(7);
        assertThat(metrics.snapshot().gauge("queue_depth", Map.of("queue", "network")))
                .hasValueSatisfying(g -> assertThat(g.value()).isEqualTo(7));
    }

    @Test
    void histogramsAreInTheSnapshotEvenBeforeAnythingWasRecorded() {
        metrics.histogram("crypto_seconds", Map.of("operation", "seal"));

        assertThat(metrics.snapshot().histogram("crypto_seconds", Map.of("operation", "seal")))
                .hasValueSatisfying(h -> {
                    assertThat(h.count()).isZero();
                    assertThat(h.sum()).isZero();
                    assertThat(h.buckets()).allSatisfy(b -> assertThat(b.cumulativeCount()).isZero());
                });
    }
}
