package org.tomprotocol.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeMetrics;

/** Durations recorded wait-free, read as cumulative Prometheus-style buckets. */
class DurationHistogramTest {
    private final DurationHistogram histogram = new DurationHistogram("crypto_seconds", Map.of("operation", "verify"));

    private static long micros(long value) {
        return TimeUnit.MICROSECONDS.toNanos(value);
    }

    @Test
    void durationsFallIntoCumulativeBucketsWithAnExactSumAndCount() {
        histogram.record(micros(20));
        histogram.record(micros(20));
        histogram.record(micros(20));
        histogram.record(micros(3_000));
        histogram.record(TimeUnit.SECONDS.toNanos(2));

        NodeMetrics.Histogram snapshot = histogram.snapshot();

        assertThat(snapshot.name()).isEqualTo("crypto_seconds");
        assertThat(snapshot.labels()).containsExactlyEntriesOf(Map.of("operation", "verify"));
        assertThat(snapshot.count()).isEqualTo(5);
        assertThat(snapshot.sum()).isCloseTo(2.00306, within(1e-9));
        assertThat(snapshot.countAtMost(0.000_010)).isZero();
        assertThat(snapshot.countAtMost(0.000_025)).isEqualTo(3);
        assertThat(snapshot.countAtMost(0.002_5)).isEqualTo(3);
        assertThat(snapshot.countAtMost(0.005)).isEqualTo(4);
        assertThat(snapshot.countAtMost(1.0)).isEqualTo(4);
        assertThat(snapshot.countAtMost(2.5)).isEqualTo(5);
        assertThat(snapshot.buckets().getLast()).isEqualTo(new NodeMetrics.Bucket(Double.POSITIVE_INFINITY, 5));
        assertThat(snapshot.p50()).isCloseTo(0.000_020, within(0.000_000_2));
        assertThat(snapshot.max()).isCloseTo(2.0, within(0.02));
    }

    @Test
    void bucketsAreAscendingAndCumulative() {
        for (long value = 1; value < 100_000_000_000L; value *= 3) {
            histogram.record(value);
        }

        List<NodeMetrics.Bucket> buckets = histogram.snapshot().buckets();

        assertThat(buckets).hasSize(DurationHistogram.BUCKET_BOUNDS_NANOS.length + 1);
        assertThat(buckets).extracting(NodeMetrics.Bucket::upperBound).isSorted();
        assertThat(buckets).extracting(NodeMetrics.Bucket::cumulativeCount).isSorted();
    }

    @Test
    void eachSnapshotCoversEverythingRecordedSinceTheStart() {
        histogram.record(micros(100));
        assertThat(histogram.snapshot().count()).isEqualTo(1);

        histogram.record(micros(100));
        histogram.record(micros(100));
        NodeMetrics.Histogram second = histogram.snapshot();

        assertThat(second.count()).isEqualTo(3);
        assertThat(second.sum()).isCloseTo(0.000_3, within(1e-12));
        assertThat(histogram.snapshot().count()).isEqualTo(3);
    }

    @Test
    void aNegativeDurationCountsAsZero() {
        histogram.record(-5);

        NodeMetrics.Histogram snapshot = histogram.snapshot();
        assertThat(snapshot.count()).isEqualTo(1);
        assertThat(snapshot.sum()).isZero();
        assertThat(snapshot.countAtMost(0.000_010)).isEqualTo(1);
    }

    @Test
    void recordingFromManyThreadsWhileSnapshotsAreTakenLosesNothing() throws InterruptedException {
        int threads = 4;
        int perThread = 50_000;
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            writers.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < perThread; i++) {
                    histogram.record(micros(10 + (i + offset) % 5_000));
                }
            }));
        }
        while (writers.stream().anyMatch(Thread::isAlive)) {
            histogram.snapshot();
        }
        for (Thread writer : writers) {
            writer.join();
        }

        assertThat(histogram.snapshot().count()).isEqualTo((long) threads * perThread);
    }

    @Test
    void aDurationBeyondTheRangeCountsAsItsTopAndNeverFailsTheRecorder() {
        histogram.record(TimeUnit.HOURS.toNanos(2));

        NodeMetrics.Histogram snapshot = histogram.snapshot();
        assertThat(snapshot.count()).isEqualTo(1);
        assertThat(snapshot.max()).isCloseTo(600, within(6.0));
        assertThat(snapshot.countAtMost(60)).isZero();
    }

    @Test
    void aHistogramHoldsAFixedAmountOfMemoryWhateverItRecords() {
        histogram.snapshot();
        long before = histogram.footprintBytes();
        for (long value = 1; value < DurationHistogram.HIGHEST_TRACKABLE_NANOS; value = value * 11 / 10 + 1) {
            histogram.record(value);
        }
        histogram.snapshot();

        assertThat(histogram.footprintBytes()).as("bytes").isEqualTo(before).isLessThan(96 * 1024);
    }
}
