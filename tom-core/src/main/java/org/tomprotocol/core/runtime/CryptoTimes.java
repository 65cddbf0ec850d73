package org.tomprotocol.core.runtime;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Times the node's cryptography into {@code crypto_seconds{operation}}. The clock is read here, at the
 * runtime edge, on the worker or transport thread doing the work: never on the agent, never in the engine.
 */
final class CryptoTimes {
    /** What is timed. */
    enum Operation {
        SEAL, OPEN, SIGN, VERIFY;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Map<Operation, DurationHistogram> histograms = new EnumMap<>(Operation.class);
    private final LongSupplier nanoTime;

    CryptoTimes(Metrics metrics, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        for (Operation operation : Operation.values()) {
            histograms.put(operation, metrics.histogram("crypto_seconds", Map.of("operation", operation.label())));
        }
    }

    /** A start time for {@link #stop}. */
    long start() {
        return nanoTime.getAsLong();
    }

    /** Records the time since {@code start}. */
    void stop(Operation operation, long start) {
        histograms.get(operation).record(nanoTime.getAsLong() - start);
    }
}
