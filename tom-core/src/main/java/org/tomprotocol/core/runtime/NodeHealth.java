package org.tomprotocol.core.runtime;

import java.lang.System.Logger.Level;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

import org.tomprotocol.api.NodeFailure;

/**
 * Where a node's unrecoverable errors go — an {@link Error} on the agent, a worker, a transport thread: logged
 * at error level, counted under {@code fatal-errors}, and published once as a {@link NodeFailure}, so the
 * node fails loudly instead of stopping silently. Thread-safe.
 */
final class NodeHealth {
    private static final System.Logger LOG = System.getLogger(NodeHealth.class.getName());

    private final String node;
    private final InstantSource clock;
    private final Metrics metrics;
    private final AtomicReference<NodeFailure> failure = new AtomicReference<>();
    private volatile java.util.function.Consumer<NodeFailure> listener = ignored -> { };

    NodeHealth(String node, InstantSource clock, Metrics metrics) {
        this.node = node;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Who hears of the first failure (the node's event publisher); called on the failing thread. */
    void onFailure(java.util.function.Consumer<NodeFailure> failureListener) {
        this.listener = failureListener;
    }

    /** {@code component} hit {@code error}: the node is failed from now on. */
    void fatal(String component, Throwable error) {
        metrics.increment("fatal-errors");
        LOG.log(Level.ERROR, "node " + node + ": unrecoverable error in " + component
                + "; the node reports itself failed and should be restarted", error);
        String message = error.getMessage();
        NodeFailure first = new NodeFailure(component,
                error.getClass().getName() + (message == null ? "" : ": " + message), clock.instant());
        if (failure.compareAndSet(null, first)) {
            listener.accept(first);
        }
    }

    Optional<NodeFailure> failure() {
        return Optional.ofNullable(failure.get());
    }

    /**
     * {@code executor}, with each task guarded: an exception is a bug that is logged and counted
     * ({@code internal-errors}) while the node carries on; an {@link Error} fails the node.
     */
    Executor guard(String component, Executor executor) {
        return task -> executor.execute(() -> run(component, task));
    }

    /** Runs {@code task} as {@link #guard} does. */
    void run(String component, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            metrics.increment("internal-errors");
            LOG.log(Level.WARNING, "a task of node " + node + " failed in " + component + "; the node carries on", e);
        } catch (Error e) {
            fatal(component, e);
        }
    }
}
