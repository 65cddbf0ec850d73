package org.tomprotocol.testkit;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A {@link NetworkScheduler} on the system clock, for in-memory networks between nodes that run on their
 * own threads. One daemon thread runs every task, so tasks due at the same time run in submission order. A
 * task that throws is logged and does not stop the scheduler.
 */
public final class RealTimeScheduler implements NetworkScheduler, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RealTimeScheduler.class.getName());

    private final ScheduledThreadPoolExecutor executor;

    /** A scheduler whose thread is called {@code tom-mem-network}. */
    public RealTimeScheduler() {
        this("tom-mem-network");
    }

    /** A scheduler whose daemon thread is called {@code threadName}. */
    public RealTimeScheduler(String threadName) {
        executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public long nowMillis() {
        return System.currentTimeMillis();
    }

    /** Schedules {@code task}; after {@link #close()} tasks are dropped (logged at debug level). */
    @Override
    public void schedule(long delayMillis, Runnable task) {
        if (delayMillis < 0) {
            throw new IllegalArgumentException("delay must not be negative, got " + delayMillis + " ms");
        }
        try {
            executor.schedule(() -> runLogged(task), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "network task dropped: the scheduler is closed");
        }
    }

    private static void runLogged(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.WARNING, "an in-memory network task failed", e);
        }
    }

    /** Stops the thread; pending tasks are discarded. Idempotent. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
