package org.tomprotocol.testkit.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Calls collected while holding a lock (listener notifications, future completions) and run after it is
 * released, so a listener that calls back into the network can never deadlock or see half-updated state.
 */
public final class DeferredActions implements Runnable {
    private final List<Runnable> actions = new ArrayList<>();

    /** Queues {@code action}. */
    public void add(Runnable action) {
        actions.add(action);
    }

    /** Whether nothing is queued. */
    public boolean isEmpty() {
        return actions.isEmpty();
    }

    /**
     * Runs every queued action, in order, even when one throws: a failing listener must not leave other
     * futures uncompleted. The first failure is rethrown with the later ones suppressed.
     */
    @Override
    public void run() {
        Throwable first = null;
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException | Error e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        actions.clear();
        if (first instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (first instanceof Error error) {
            throw error;
        }
    }
}
