package org.tomprotocol.spi.runtime;

import org.tomprotocol.api.Api;
import org.tomprotocol.api.spi.Provider;

/**
 * Provides the threads and clock nodes run on. Without one a node runs on threads of its own and the system
 * clock; the test kit's virtual runtime is one, given with {@code Tom.node().provider(runtime)}, so that many
 * nodes run deterministically in one thread on a virtual clock.
 */
@Api(status = Api.Status.INCUBATING, since = "0.1")
public interface RuntimeProvider extends Provider {
    /**
     * The runtime for the node {@code nodeName}. The node calls {@link EngineRuntime#release()} on it when it
     * stops; a runtime shared by several nodes ignores that.
     */
    EngineRuntime runtime(String nodeName);
}
