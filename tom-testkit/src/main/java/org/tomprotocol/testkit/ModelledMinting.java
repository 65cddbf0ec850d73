package org.tomprotocol.testkit;

/**
 * One simulated core minting proof-of-work stamps: each takes its hashes at the runtime's rate, after the one before
 * it. Runtime thread only.
 */
final class ModelledMinting {
    private final VirtualRuntime runtime;
    private long busyUntilMillis;

    ModelledMinting(VirtualRuntime runtime) {
        this.runtime = runtime;
    }

    void submit(long hashes, Runnable work) {
        if (hashes < 0) {
            throw new IllegalArgumentException("hashes must not be negative, got " + hashes);
        }
        long rate = runtime.hashesPerSecond();
        long millis = hashes / rate * 1_000 + ceilDiv(hashes % rate * 1_000, rate);
        long start = Math.max(runtime.nowMillis(), busyUntilMillis);
        busyUntilMillis = Math.addExact(start, millis);
        runtime.enqueue(busyUntilMillis, "proof of work", () -> {
            runtime.countMinted(hashes);
            work.run();
        });
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }
}
