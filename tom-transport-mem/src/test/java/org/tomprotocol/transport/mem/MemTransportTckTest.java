package org.tomprotocol.transport.mem;

import java.time.Duration;

import org.tomprotocol.spi.transport.TransportProvider;
import org.tomprotocol.tck.TransportTck;

/** The transport TCK on the {@code mem} transport as the plugin registers it: the process-wide network. */
class MemTransportTckTest extends TransportTck {
    @Override
    protected TransportProvider provider() {
        return new SharedMemoryTransportProvider();
    }

    @Override
    protected Duration patience() {
        return Duration.ofSeconds(5);
    }
}
