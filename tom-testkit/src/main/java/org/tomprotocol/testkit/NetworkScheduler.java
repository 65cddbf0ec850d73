package org.tomprotocol.testkit;

/**
 * The time source and timer a {@link MemoryNetwork} runs on: a {@link VirtualRuntime} for deterministic
 * simulations, or a {@link RealTimeScheduler} for nodes running on real threads.
 */
public interface NetworkScheduler {
    /** The current time in epoch milliseconds. */
    long nowMillis();

    /**
     * Runs {@code task} after {@code delayMillis}. Tasks due at the same time run in the order they were
     * scheduled; a task never runs inside this call.
     *
     * @throws IllegalArgumentException if {@code delayMillis} is negative
     */
    void schedule(long delayMillis, Runnable task);
}
