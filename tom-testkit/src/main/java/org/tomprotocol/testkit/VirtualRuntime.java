package org.tomprotocol.testkit;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

import org.tomprotocol.spi.runtime.AgentHandle;
import org.tomprotocol.spi.runtime.EngineRuntime;
import org.tomprotocol.spi.runtime.RuntimeAgent;
import org.tomprotocol.spi.runtime.RuntimeProvider;
import org.tomprotocol.testkit.internal.EventQueue;

/**
 * A single-threaded discrete-event simulator on a virtual clock, shared by any number of engines and
 * in-memory networks: give it to {@code Tom.node().provider(...)} (it is the {@code virtual} runtime provider)
 * and to {@code new MemoryNetwork(...)}.
 *
 * <p><b>Time.</b> The clock starts at {@link #DEFAULT_START} (or the instant given) and moves only while a
 * run method executes events; resolution is one millisecond (sub-millisecond parts of durations are
 * truncated). Events run in (time, insertion) order, so events due at the same instant run first-in
 * first-out and a run is fully deterministic.
 *
 * <p><b>Executors.</b> {@link #workers()} and {@link #callbacks()} never run a task inline: they queue it as an
 * event at the current instant, so an engine is never re-entered from its own call.
 *
 * <p><b>Agents.</b> {@link #attach} queues a first duty cycle at once, as an agent thread would start with one.
 * {@code wake()} queues one {@code doWork()} at the current instant unless one is pending. After every
 * {@code doWork()} the runtime queues another at the same instant if it returned more than 0, and a timer at
 * {@code nextDeadlineMillis()} (only the earliest per agent is kept; a deadline already past runs now, or
 * 1 ms later if the last {@code doWork()} did nothing). The deadline is read only after {@code doWork()}: an
 * agent whose deadline moves earlier for another reason must {@code wake()}. {@code close()} stops driving
 * the agent and calls {@code onClose()} once: at once, or right after the current {@code doWork()} when called
 * from inside it.
 *
 * <p><b>Proof of work.</b> Minting a stamp of {@code h} hashes takes {@code h / }{@link #hashesPerSecond()} of virtual
 * time (rounded up to the millisecond), one stamp after another for each node (each {@link #runtime(String)} is a
 * node's, with a core of its own to mint on; the runtime used directly as an {@code EngineRuntime} is one more): a
 * node asked to pay for its messages sends them no faster than it can mint, as a real one would. The work itself
 * runs for real at that instant, so the stamp verifies.
 *
 * <p><b>Failures.</b> When a task throws, the exception is recorded ({@link #failures()}) and the run method
 * that executed it throws a {@link SimulationException} whose cause it is; the clock stays at that event's
 * time and the other pending events stay queued, so a test may inspect state and even continue. More than
 * {@link #livelockThreshold()} consecutive events at one instant also throw, naming the last task.
 *
 * <p><b>Threads.</b> Every method must be called from the thread that created the runtime (the test
 * thread); others throw {@link IllegalStateException}. This includes {@code AgentHandle.wake()}, which the
 * contract allows from any thread: in a simulation another thread is a bug that would break determinism.
 * Run methods may not be called from inside a task.
 */
public final class VirtualRuntime implements EngineRuntime, RuntimeProvider, NetworkScheduler {
    /** Hashes a second a simulated node mints by default: about one core of a laptop, SHA-256 in Java. */
    public static final long DEFAULT_HASHES_PER_SECOND = 1_000_000;
    /** Where the clock starts by default: 2026-01-01T00:00:00Z. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

    private final Thread owner = Thread.currentThread();
    private final EventQueue queue = new EventQueue();
    private final List<Throwable> failures = new ArrayList<>();
    private final InstantSource clock = new VirtualClock();
    private final Executor workers = task -> enqueueTask("worker task", task);
    private final Executor callbacks = task -> enqueueTask("callback", task);
    private long nowMillis;
    private long eventsProcessed;
    private long eventsAtThisInstant;
    private long livelockThreshold = 10_000_000L;
    private long hashesPerSecond = DEFAULT_HASHES_PER_SECOND;
    private final ModelledMinting minting = new ModelledMinting(this);
    private long hashesMinted;
    private boolean running;

    /** A runtime whose clock starts at {@link #DEFAULT_START}. */
    public VirtualRuntime() {
        this(DEFAULT_START);
    }

    /** A runtime whose clock starts at {@code start} (truncated to the millisecond). */
    public VirtualRuntime(Instant start) {
        this.nowMillis = Objects.requireNonNull(start, "start").toEpochMilli();
    }

    @Override
    public InstantSource clock() {
        return clock;
    }

    @Override
    public Executor workers() {
        return workers;
    }

    @Override
    public Executor callbacks() {
        return callbacks;
    }

    @Override
    public AgentHandle attach(RuntimeAgent agent) {
        Objects.requireNonNull(agent, "agent");
        checkThread();
        AgentDriver driver = new AgentDriver(this, agent);
        driver.wake();
        return driver;
    }

    /** The current virtual time. */
    public Instant now() {
        return Instant.ofEpochMilli(nowMillis);
    }

    @Override
    public long nowMillis() {
        return nowMillis;
    }

    @Override
    public void schedule(long delayMillis, Runnable task) {
        if (delayMillis < 0) {
            throw new IllegalArgumentException("delay must not be negative, got " + delayMillis + " ms");
        }
        enqueue(Math.addExact(nowMillis, delayMillis), "scheduled task", Objects.requireNonNull(task, "task"));
    }

    /** Runs {@code task} after {@code delay} of virtual time. */
    public void schedule(Duration delay, Runnable task) {
        schedule(millisOf(delay, "delay"), task);
    }

    /** Runs {@code task} at {@code at}, which must not be in the past. */
    public void scheduleAt(Instant at, Runnable task) {
        long atMillis = Objects.requireNonNull(at, "at").toEpochMilli();
        if (atMillis < nowMillis) {
            throw new IllegalArgumentException("cannot schedule at " + at + ": the clock is already at " + now());
        }
        enqueue(atMillis, "scheduled task", Objects.requireNonNull(task, "task"));
    }

    /** Runs every event due within {@code duration} of now, then sets the clock to now + duration. */
    public void runFor(Duration duration) {
        runUntilMillis(Math.addExact(nowMillis, millisOf(duration, "duration")));
    }

    /** Runs every event due up to {@code target}, then sets the clock to {@code target}. */
    public void runUntil(Instant target) {
        long targetMillis = Objects.requireNonNull(target, "target").toEpochMilli();
        if (targetMillis < nowMillis) {
            throw new IllegalArgumentException("cannot run until " + target + ": the clock is already at " + now());
        }
        runUntilMillis(targetMillis);
    }

    /**
     * Runs events until {@code condition} holds (checked before the first event and after each one) or
     * {@code timeout} of virtual time has passed. When it becomes true the clock stays at the event that
     * made it true; otherwise it ends at now + timeout.
     *
     * @return whether the condition became true
     */
    public boolean runUntil(BooleanSupplier condition, Duration timeout) {
        Objects.requireNonNull(condition, "condition");
        long deadline = Math.addExact(nowMillis, millisOf(timeout, "timeout"));
        beginRun();
        try {
            if (condition.getAsBoolean()) {
                return true;
            }
            while (hasEventDueBy(deadline)) {
                runOne(queue.poll());
                if (condition.getAsBoolean()) {
                    return true;
                }
            }
            advanceTo(deadline);
            return condition.getAsBoolean();
        } finally {
            running = false;
        }
    }

    /**
     * Runs events until none is pending or {@code max} of virtual time has passed. The clock stays at the
     * last event when the queue drains, otherwise it ends at now + max. Agents with periodic timers never
     * drain the queue.
     *
     * @return whether the queue drained
     */
    public boolean runUntilIdle(Duration max) {
        long deadline = Math.addExact(nowMillis, millisOf(max, "max"));
        beginRun();
        try {
            while (hasEventDueBy(deadline)) {
                runOne(queue.poll());
            }
            if (queue.isEmpty()) {
                return true;
            }
            advanceTo(deadline);
            return false;
        } finally {
            running = false;
        }
    }

    /**
     * Runs the next event, whenever it is due, moving the clock to its time.
     *
     * @return {@code false} when no event was pending
     */
    public boolean step() {
        beginRun();
        try {
            if (queue.isEmpty()) {
                return false;
            }
            runOne(queue.poll());
            return true;
        } finally {
            running = false;
        }
    }

    /** How many events have run since the runtime was created. */
    public long eventsProcessed() {
        return eventsProcessed;
    }

    /** How many events are queued. */
    public int pendingEvents() {
        return queue.size();
    }

    /** Everything tasks have thrown so far, oldest first. */
    public List<Throwable> failures() {
        return List.copyOf(failures);
    }

    /** How many consecutive events may run at one instant before the simulation is declared stuck. */
    public long livelockThreshold() {
        return livelockThreshold;
    }

    /** Sets {@link #livelockThreshold()} (default 10 000 000). */
    public VirtualRuntime livelockThreshold(long threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("livelock threshold must be at least 1, got " + threshold);
        }
        this.livelockThreshold = threshold;
        return this;
    }

    /** How many hashes a second each simulated node mints proof-of-work stamps at. */
    public long hashesPerSecond() {
        return hashesPerSecond;
    }

    /** Sets {@link #hashesPerSecond()} (default {@value #DEFAULT_HASHES_PER_SECOND}). */
    public VirtualRuntime hashesPerSecond(long rate) {
        if (rate < 1) {
            throw new IllegalArgumentException("hashes per second must be at least 1, got " + rate);
        }
        this.hashesPerSecond = rate;
        return this;
    }

    /** Hashes minted so far by every node, as modelled: each stamp done counts the hashes it was said to cost. */
    public long hashesMinted() {
        return hashesMinted;
    }

    void countMinted(long hashes) {
        hashesMinted += hashes;
    }

    /** Runs {@code work} once {@code hashes} more hashes are minted on this runtime's own core (see the class doc). */
    @Override
    public void proofOfWork(long hashes, Runnable work) {
        minting.submit(hashes, work);
    }

    void checkThread() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("VirtualRuntime is single-threaded: it belongs to thread '"
                    + owner.getName() + "' but was called from '" + Thread.currentThread().getName()
                    + "'; drive every simulated node from the thread that created the runtime");
        }
    }

    void enqueue(long atMillis, String label, Runnable task) {
        checkThread();
        queue.add(Math.max(atMillis, nowMillis), label, task);
    }

    private void enqueueTask(String label, Runnable task) {
        enqueue(nowMillis, label, Objects.requireNonNull(task, "task"));
    }

    private void runUntilMillis(long targetMillis) {
        beginRun();
        try {
            while (hasEventDueBy(targetMillis)) {
                runOne(queue.poll());
            }
            advanceTo(targetMillis);
        } finally {
            running = false;
        }
    }

    private boolean hasEventDueBy(long deadlineMillis) {
        EventQueue.Event next = queue.peek();
        return next != null && next.atMillis() <= deadlineMillis;
    }

    private void beginRun() {
        checkThread();
        if (running) {
            throw new IllegalStateException("a VirtualRuntime run method was called from inside a simulated task;"
                    + " schedule the work instead");
        }
        running = true;
    }

    private void runOne(EventQueue.Event event) {
        advanceTo(event.atMillis());
        if (++eventsAtThisInstant > livelockThreshold) {
            throw new SimulationException("simulation stuck: more than " + livelockThreshold
                    + " events at " + now() + ", the last one a " + event.label());
        }
        eventsProcessed++;
        try {
            event.task().run();
        } catch (RuntimeException | AssertionError e) {
            failures.add(e);
            throw new SimulationException(event.label() + " failed at " + now() + ": " + e, e);
        }
    }

    private void advanceTo(long millis) {
        if (millis > nowMillis) {
            nowMillis = millis;
            eventsAtThisInstant = 0;
        }
    }

    private static long millisOf(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + duration);
        }
        return duration.toMillis();
    }

    /** As a runtime provider: {@code virtual}. */
    @Override
    public String id() {
        return "virtual";
    }

    /** Every node given this runtime shares it, and the clock; each mints its stamps on a core of its own. */
    @Override
    public EngineRuntime runtime(String nodeName) {
        return new VirtualNodeRuntime(this);
    }

    private final class VirtualClock implements InstantSource {
        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(nowMillis);
        }

        @Override
        public long millis() {
            return nowMillis;
        }

        @Override
        public String toString() {
            return "VirtualClock[" + instant() + "]";
        }
    }
}
