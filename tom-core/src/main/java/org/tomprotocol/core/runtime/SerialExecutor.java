package org.tomprotocol.core.runtime;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs tasks one after the other, in the order they were given, on a shared executor: a store write and the removal
 * that follows it are never reordered by the pool's threads.
 */
final class SerialExecutor implements Executor {
    private final Executor underlying;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();

    SerialExecutor(Executor underlying) {
        this.underlying = underlying;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        drainLater();
    }

    private void drainLater() {
        if (running.compareAndSet(false, true)) {
            underlying.execute(this::drain);
        }
    }

    private void drain() {
        try {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                task.run();
            }
        } finally {
            running.set(false);
            if (!tasks.isEmpty()) {
                drainLater();
            }
        }
    }
}
