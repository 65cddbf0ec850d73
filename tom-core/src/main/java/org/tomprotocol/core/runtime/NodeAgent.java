package org.tomprotocol.core.runtime;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;

import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.DeadlineTimerWheel;
import org.jctools.queues.MpscArrayQueue;
import org.jctools.queues.MpscUnboundedXaddArrayQueue;
import org.tomprotocol.spi.runtime.AgentHandle;
import org.tomprotocol.spi.runtime.RuntimeAgent;

/**
 * The single writer of a node's protocol state. Other threads hand it work through two JCTools MPSC queues —
 * a bounded one for network input (dropped and counted when full, like a congested link) and one for
 * commands and completions (bounded by the send-queue capacity upstream) — and it runs timers from an
 * Agrona deadline timer wheel. Everything it runs executes on its thread, one task at a time, so the state
 * machines need no locks.
 */
final class NodeAgent implements RuntimeAgent {
    private static final int TICK_RESOLUTION_MS = 16;
    private static final int TICKS_PER_WHEEL = 1024;
    private static final int DRAIN_LIMIT = 4096;

    private final String name;
    private final InstantSource clock;
    private final Metrics metrics;
    private final NodeHealth health;
    private final Queue<Runnable> network;
    private final Queue<Runnable> control = new MpscUnboundedXaddArrayQueue<>(1024);
    private final DeadlineTimerWheel wheel;
    private final Long2ObjectHashMap<Runnable> timerTasks = new Long2ObjectHashMap<>();
    private final List<Recurring> recurring = new ArrayList<>();
    private volatile AgentHandle handle;
    private boolean peersChanged;
    private Runnable peersChangedListener = () -> { };

    /** A task that runs at {@code next} and returns when it wants to run again. */
    static final class Recurring {
        final LongUnaryOperator task;
        long next;

        Recurring(LongUnaryOperator task, long next) {
            this.task = task;
            this.next = next;
        }

        /** Makes the task due at once. Agent thread only. */
        void runSoon() {
            next = 0;
        }
    }

    NodeAgent(String name, InstantSource clock, Metrics metrics, NodeHealth health, int networkCapacity) {
        this.name = name;
        this.clock = clock;
        this.metrics = metrics;
        this.health = health;
        this.network = new MpscArrayQueue<>(networkCapacity);
        this.wheel = new DeadlineTimerWheel(TimeUnit.MILLISECONDS, clock.millis(), TICK_RESOLUTION_MS, TICKS_PER_WHEEL);
    }

    void attached(AgentHandle agentHandle) {
        this.handle = agentHandle;
    }

    /** Notes that the peer table changed; the listener runs once at the end of the duty cycle. Agent thread only. */
    void peersChanged() {
        peersChanged = true;
    }

    /** What to run after a duty cycle that changed the peer table (e.g. refresh the application's snapshot). */
    void onPeersChanged(Runnable listener) {
        this.peersChangedListener = listener;
    }

    /** The node's clock, epoch milliseconds. */
    long now() {
        return clock.millis();
    }

    /** How many network inputs wait for the agent (approximate while other threads offer). Any thread. */
    long networkQueueDepth() {
        return network.size();
    }

    /** How many commands and completions wait for the agent (approximate while other threads offer). Any thread. */
    long controlQueueDepth() {
        return control.size();
    }

    /** Queues network input; returns {@code false} (and drops it) when the agent is overloaded. Any thread. */
    boolean offerNetwork(Runnable task) {
        if (!network.offer(task)) {
            return false;
        }
        wake();
        return true;
    }

    /** Queues a command or completion; never refused. Any thread. */
    void offerControl(Runnable task) {
        control.offer(task);
        wake();
    }

    private void wake() {
        AgentHandle current = handle;
        if (current != null) {
            current.wake();
        }
    }

    /** Runs {@code task} at {@code deadline}. Agent thread only. */
    void at(long deadline, Runnable task) {
        long id = wheel.scheduleTimer(deadline);
        timerTasks.put(id, task);
    }

    /**
     * Runs {@code task} at {@code first}, then whenever the time it returns comes ({@link Long#MAX_VALUE}:
     * never again). Before attaching or on the agent thread.
     */
    Recurring recurring(long first, LongUnaryOperator task) {
        Recurring entry = new Recurring(task, first);
        recurring.add(entry);
        return entry;
    }

    @Override
    public String name() {
        return "tom-agent-" + name;
    }

    @Override
    public int doWork() {
        int work = drain(control) + drain(network);
        long now = clock.millis();
        work += pollTimers(now);
        for (Recurring entry : recurring) {
            if (now >= entry.next) {
                entry.next = Long.MAX_VALUE;
                run(() -> entry.next = entry.task.applyAsLong(now));
                if (entry.next <= now) {
                    entry.next = now + 1;
                }
                work++;
            }
        }
        if (peersChanged) {
            peersChanged = false;
            run(peersChangedListener);
        }
        return work;
    }

    /** The wheel advances one tick per poll: catch up with the clock after the agent slept. */
    private int pollTimers(long now) {
        int expired = 0;
        do {
            expired += wheel.poll(now, this::onTimer, DRAIN_LIMIT);
        } while (now >= wheel.currentTickTime() && expired < DRAIN_LIMIT);
        return expired;
    }

    private boolean onTimer(TimeUnit unit, long now, long timerId) {
        Runnable task = timerTasks.remove(timerId);
        if (task != null) {
            run(task);
        }
        return true;
    }

    private int drain(Queue<Runnable> queue) {
        int count = 0;
        Runnable task;
        while (count < DRAIN_LIMIT && (task = queue.poll()) != null) {
            run(task);
            count++;
        }
        return count;
    }

    private void run(Runnable task) {
        health.run("agent", task);
    }

    @Override
    public long nextDeadlineMillis() {
        long next = Long.MAX_VALUE;
        for (Recurring entry : recurring) {
            next = Math.min(next, entry.next);
        }
        if (wheel.timerCount() > 0) {
            next = Math.min(next, wheel.currentTickTime());
        }
        if (!control.isEmpty() || !network.isEmpty()) {
            next = clock.millis();
        }
        return next;
    }
}
