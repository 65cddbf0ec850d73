package org.tomprotocol.spi.runtime;

import java.time.InstantSource;
import java.util.concurrent.Executor;

import org.tomprotocol.api.Api;

/**
 * The threads and clock an engine runs on. By default a node creates its own: one agent thread that parks
 * when idle, a worker pool for cryptography and an event thread for notifications, all on the system
 * clock. A simulation supplies, through a {@link RuntimeProvider}, one runtime shared by many nodes whose clock
 * is virtual and whose executors run tasks inline, so a run is deterministic.
 */
@Api(status = Api.Status.INCUBATING, since = "0.1")
public interface EngineRuntime {
    /** The clock engines read; never the system clock directly. */
    InstantSource clock();

    /** Runs stateless, costly work (signing, verifying, sealing, opening) off the agent. */
    Executor workers();

    /** Runs application notifications (listeners, futures, publishers) off the agent, in order. */
    Executor callbacks();

    /**
     * Starts driving {@code agent}: the runtime calls {@link RuntimeAgent#doWork()} when woken through the
     * returned handle and when the agent's next deadline passes.
     */
    AgentHandle attach(RuntimeAgent agent);

    /**
     * The node that asked for this runtime stopped and no longer uses it: a runtime of its own stops its threads;
     * one shared by several nodes does nothing.
     */
    default void release() {
    }
}
