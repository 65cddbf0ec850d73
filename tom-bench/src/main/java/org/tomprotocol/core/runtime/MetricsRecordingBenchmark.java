package org.tomprotocol.core.runtime;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What metrics cost on the hot path, in the package of the runtime's metrics (the bench module is on the class
 * path): a counter increment (what every frame already paid before histograms), a histogram record, and a
 * whole timed call as {@link CryptoTimes} wraps each seal, open, sign and verify (two clock reads and a
 * record). Run with {@code -t 1} and {@code -t 2} to see contention between threads recording at once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MetricsRecordingBenchmark {
    private final Metrics metrics = new Metrics();
    private final DurationHistogram histogram = metrics.histogram("crypto_seconds", Map.of("operation", "verify"));
    private final CryptoTimes times = new CryptoTimes(metrics, System::nanoTime);
    private long next = 20_000;

    /** A counter that already exists: a map lookup and a LongAdder increment. */
    @Benchmark
    public void counterIncrement() {
        metrics.increment("forwarded");
    }

    /** One duration into the recorder, values spread over a few hundred sub-buckets as crypto times are. */
    @Benchmark
    public void histogramRecord() {
        next = next * 6_364_136_223_846_793_005L + 1_442_695_040_888_963_407L;
        histogram.record(20_000 + (next >>> 50));
    }

    /** What timing adds to one crypto call: start, stop, record. */
    @Benchmark
    public void timedCall() {
        times.stop(CryptoTimes.Operation.VERIFY, times.start());
    }
}
