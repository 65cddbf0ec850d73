package org.tomprotocol.core.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.HdrHistogram.Recorder;
import org.tomprotocol.api.NodeMetrics;

/**
 * Durations recorded from any thread, wait-free: an HdrHistogram {@link Recorder} over a fixed range (0.1 µs to
 * 10 minutes, two significant digits, so recording is one atomic increment and never resizes; longer durations
 * count as 10 minutes), drained into a cumulative histogram when a snapshot is taken. The snapshot gives fixed
 * Prometheus-style buckets from 10 µs to 60 s.
 *
 * <p>Not the packed, auto-resizing variant: its concurrent resizes made four recording threads spin for
 * minutes in {@code recordingFromManyThreadsWhileSnapshotsAreTakenLosesNothing}.
 */
final class DurationHistogram {
    /** Upper bounds of the snapshot's buckets in nanoseconds, before the infinite one. */
    static final long[] BUCKET_BOUNDS_NANOS = {
        10_000L, 25_000L, 50_000L, 100_000L, 250_000L, 500_000L,
        1_000_000L, 2_500_000L, 5_000_000L, 10_000_000L, 25_000_000L, 50_000_000L,
        100_000_000L, 250_000_000L, 500_000_000L, 1_000_000_000L, 2_500_000_000L, 5_000_000_000L,
        10_000_000_000L, 30_000_000_000L, 60_000_000_000L};
    private static final int SIGNIFICANT_DIGITS = 2;
    private static final long LOWEST_DISCERNIBLE_NANOS = 100;
    static final long HIGHEST_TRACKABLE_NANOS = 600_000_000_000L;
    private static final double NANOS_PER_SECOND = 1e9;

    private final String name;
    private final Map<String, String> labels;
    private final Recorder recorder = new Recorder(LOWEST_DISCERNIBLE_NANOS, HIGHEST_TRACKABLE_NANOS,
            SIGNIFICANT_DIGITS);
    private final LongAdder sumNanos = new LongAdder();
    private final Histogram total = new Histogram(LOWEST_DISCERNIBLE_NANOS, HIGHEST_TRACKABLE_NANOS,
            SIGNIFICANT_DIGITS);
    private Histogram interval;

    DurationHistogram(String name, Map<String, String> labels) {
        this.name = name;
        this.labels = Map.copyOf(labels);
    }

    /** Records one duration; negative ones (a clock stepped back) count as zero. Any thread, wait-free. */
    void record(long nanos) {
        long value = Math.min(Math.max(0, nanos), HIGHEST_TRACKABLE_NANOS);
        recorder.recordValue(value);
        sumNanos.add(value);
    }

    /** Everything recorded so far. Any thread; snapshots are serialised, recording never waits for them. */
    synchronized NodeMetrics.Histogram snapshot() {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        long[] cumulative = new long[BUCKET_BOUNDS_NANOS.length];
        for (HistogramIterationValue value : total.recordedValues()) {
            long lowest = total.lowestEquivalentValue(value.getValueIteratedTo());
            for (int i = 0; i < BUCKET_BOUNDS_NANOS.length; i++) {
                if (lowest <= BUCKET_BOUNDS_NANOS[i]) {
                    cumulative[i] += value.getCountAtValueIteratedTo();
                }
            }
        }
        long count = total.getTotalCount();
        List<NodeMetrics.Bucket> buckets = new ArrayList<>(BUCKET_BOUNDS_NANOS.length + 1);
        for (int i = 0; i < BUCKET_BOUNDS_NANOS.length; i++) {
            buckets.add(new NodeMetrics.Bucket(BUCKET_BOUNDS_NANOS[i] / NANOS_PER_SECOND, cumulative[i]));
        }
        buckets.add(new NodeMetrics.Bucket(Double.POSITIVE_INFINITY, count));
        return new NodeMetrics.Histogram(name, labels, count, sumNanos.sum() / NANOS_PER_SECOND,
                seconds(count == 0 ? 0 : total.getValueAtPercentile(50)),
                seconds(count == 0 ? 0 : total.getValueAtPercentile(99)), seconds(total.getMaxValue()), buckets);
    }

    /** Bytes the histogram holds: the cumulative histogram and the recorder's two, all of one fixed size. */
    synchronized long footprintBytes() {
        Histogram recorders = interval == null ? total : interval;
        return total.getEstimatedFootprintInBytes() + 2 * recorders.getEstimatedFootprintInBytes();
    }

    private static double seconds(long nanos) {
        return nanos / NANOS_PER_SECOND;
    }
}
