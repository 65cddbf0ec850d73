package org.tomprotocol.spi.runtime;

import org.tomprotocol.api.Api;

/** The link between a {@link RuntimeAgent} and the runtime driving it. */
@Api(status = Api.Status.INCUBATING, since = "0.1")
public interface AgentHandle extends AutoCloseable {
    /** Asks the runtime to call {@code doWork()} soon; callable from any thread, cheap when repeated. */
    void wake();

    /** Stops driving the agent after its current duty cycle and waits for {@code onClose}. Idempotent. */
    @Override
    void close();
}
