package org.tomprotocol.spi.runtime;

/** The link between a {@link RuntimeAgent} and the runtime driving it. */
public interface AgentHandle extends AutoCloseable {
    /** Asks the runtime to call {@code doWork()} soon; callable from any thread, cheap when repeated. */
    void wake();

    /** Stops driving the agent after its current duty cycle and waits for {@code onClose}. Idempotent. */
    @Override
    void close();
}
