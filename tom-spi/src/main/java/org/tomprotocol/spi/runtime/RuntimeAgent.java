package org.tomprotocol.spi.runtime;

import org.tomprotocol.api.Api;

/** A single-threaded unit of work driven by an {@link EngineRuntime}: the engine's state machines. */
@Api(status = Api.Status.INCUBATING, since = "0.1")
public interface RuntimeAgent {
    /** A name for the agent's thread and diagnostics. */
    String name();

    /**
     * Does whatever work is pending (queued inputs, due timers).
     *
     * @return how much work was done; 0 when there was nothing to do
     */
    int doWork();

    /** The clock time (epoch milliseconds) at which the agent next has a timer due, or {@link Long#MAX_VALUE}. */
    long nextDeadlineMillis();

    /** Called once on the agent's thread after the last {@link #doWork()}. */
    default void onClose() {
    }
}
