package org.tomprotocol.cli.output;

import java.util.Arrays;

import org.tomprotocol.api.Api;

/** Latency samples in nanoseconds, summarised by nearest-rank percentiles. */
@Api(status = Api.Status.INCUBATING, since = "0.1")
public final class Samples {
    private long[] values;
    private int count;

    public Samples(int expected) {
        this.values = new long[Math.max(16, expected)];
    }

    public void add(long nanos) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = nanos;
    }

    public int count() {
        return count;
    }

    /** The {@code quantile} (0..1; 0 is the smallest sample, 1 the largest) in microseconds; 0 without samples. */
    public double percentileMicros(double quantile) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(quantile * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, index))] / 1_000.0;
    }

    public double meanMicros() {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += values[i];
        }
        return count == 0 ? 0 : sum / 1_000.0 / count;
    }
}
