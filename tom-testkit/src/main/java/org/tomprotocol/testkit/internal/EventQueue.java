package org.tomprotocol.testkit.internal;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Pending simulation events ordered by (time, insertion sequence): events due at the same instant run in the
 * order they were added, so a run never depends on heap internals.
 */
public final class EventQueue {
    /**
     * One scheduled task.
     *
     * @param atMillis when it is due (epoch milliseconds of the virtual clock)
     * @param sequence insertion order, the tie-breaker for equal times
     * @param label    what the task is, for failure messages
     * @param task     the work
     */
    public record Event(long atMillis, long sequence, String label, Runnable task) {
    }

    private static final Comparator<Event> ORDER =
            Comparator.comparingLong(Event::atMillis).thenComparingLong(Event::sequence);

    private final PriorityQueue<Event> heap = new PriorityQueue<>(ORDER);
    private long nextSequence;

    /** Adds {@code task}, due at {@code atMillis}, after every event already due at that time. */
    public void add(long atMillis, String label, Runnable task) {
        heap.add(new Event(atMillis, nextSequence++, label, task));
    }

    /** The next event due, or {@code null} when none is pending. */
    public Event peek() {
        return heap.peek();
    }

    /** Removes and returns the next event due, or {@code null} when none is pending. */
    public Event poll() {
        return heap.poll();
    }

    /** Whether no event is pending. */
    public boolean isEmpty() {
        return heap.isEmpty();
    }

    /** How many events are pending. */
    public int size() {
        return heap.size();
    }
}
