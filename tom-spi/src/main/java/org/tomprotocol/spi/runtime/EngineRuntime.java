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

    /**
     * Runs {@code work} off the agent: the minting of a proof-of-work stamp (lock 5) of about {@code hashes} hashes.
     * By default it is one more task for {@link #workers()}, and takes the time it takes. A simulated runtime, whose
     * workers take no virtual time, runs it when that many hashes would be done on one core of the machine it models,
     * one stamp after another for each node: paying for a message costs time in a simulation as it does for real.
     */
    default void proofOfWork(long hashes, Runnable work) {
        workers().execute(work);
    }

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
