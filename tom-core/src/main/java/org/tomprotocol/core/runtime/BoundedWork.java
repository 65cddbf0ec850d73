package org.tomprotocol.core.runtime;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One node's share of the shared crypto workers, with backpressure: at most {@link #limit()} of its tasks are with
 * the workers at once; the next ones wait here, in order, and go as earlier ones finish. The workers' own queue is
 * shared by every node of the process and unbounded, so without this a node whose agent hands over work faster than
 * the workers do it would grow that queue without end, ahead of every other node's work. What waits here is bounded
 * by what produces it: a node's transmissions by the messages it holds; control frames by {@code maxWaiting}, past
 * which {@link #offer} refuses one (dropped and counted by the caller, as a congested link would drop it).
 * {@link #submit}, {@link #offer} and the drain run on the agent thread; tasks finish on the workers.
 */
final class BoundedWork {
    /** Tasks one node may have with the workers at once: as many as its send queue holds by default. */
    static final int DEFAULT_LIMIT = 1_024;
    /** Control frames may wait while fewer than this many tasks wait in all. */
    static final int MAX_WAITING = 4 * DEFAULT_LIMIT;

    private final Executor workers;
    private final Executor agent;
    private final int limit;
    private final int maxWaiting;
    private final AtomicInteger pending = new AtomicInteger();
    /** Agent thread only; its size is mirrored in {@link #waitingCount} for the workers. */
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private final AtomicInteger waitingCount = new AtomicInteger();
    private final AtomicBoolean drainAsked = new AtomicBoolean();
    private long waited;

    /**
     * @param workers    the shared workers
     * @param agent      runs a task on this node's agent thread (where waiting tasks are handed on)
     * @param limit      tasks with the workers at once
     * @param maxWaiting tasks {@link #offer} lets wait, beyond which it refuses
     */
    BoundedWork(Executor workers, Executor agent, int limit, int maxWaiting) {
        if (limit < 1 || maxWaiting < 0) {
            throw new IllegalArgumentException("limit must be at least 1 and maxWaiting at least 0, got " + limit
                    + " and " + maxWaiting);
        }
        this.workers = workers;
        this.agent = agent;
        this.limit = limit;
        this.maxWaiting = maxWaiting;
    }

    /** What became of a task handed over. */
    enum Handed { STARTED, WAITING, REFUSED }

    /** Runs {@code task} on the workers now, or after this node's earlier tasks, as room comes. */
    Handed submit(Runnable task) {
        if (waiting.isEmpty() && tryStart(task)) {
            return Handed.STARTED;
        }
        waiting.add(task);
        waitingCount.incrementAndGet();
        waited++;
        if (pending.get() < limit) {
            // every task with the workers may have ended before it could see this one waiting: hand it on now
            drain();
        }
        return Handed.WAITING;
    }

    /** As {@link #submit}, unless {@code maxWaiting} tasks already wait: then it is refused, and nothing is kept. */
    Handed offer(Runnable task) {
        if (!waiting.isEmpty() && waiting.size() >= maxWaiting) {
            return Handed.REFUSED;
        }
        return submit(task);
    }

    private boolean tryStart(Runnable task) {
        if (pending.incrementAndGet() > limit) {
            pending.decrementAndGet();
            return false;
        }
        try {
            workers.execute(() -> {
                try {
                    task.run();
                } finally {
                    pending.decrementAndGet();
                    if (waitingCount.get() > 0 && drainAsked.compareAndSet(false, true)) {
                        agent.execute(this::drain);
                    }
                }
            });
        } catch (RuntimeException e) {
            pending.decrementAndGet();
            throw e;
        }
        return true;
    }

    /** Hands the waiting tasks on, in order, while there is room (agent thread). */
    private void drain() {
        drainAsked.set(false);
        while (!waiting.isEmpty() && tryStart(waiting.peek())) {
            waiting.poll();
            waitingCount.decrementAndGet();
        }
    }

    int limit() {
        return limit;
    }

    /** Tasks of this node with the workers now, waiting in their queue or running. */
    int pending() {
        return pending.get();
    }

    /** Tasks waiting here for room. */
    int waiting() {
        return waiting.size();
    }

    /** Tasks that had to wait here, since the start. */
    long waited() {
        return waited;
    }
}
