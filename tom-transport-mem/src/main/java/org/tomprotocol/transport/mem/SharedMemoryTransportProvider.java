package org.tomprotocol.transport.mem;

import org.tomprotocol.api.spi.Availability;
import org.tomprotocol.spi.transport.Transport;
import org.tomprotocol.spi.transport.TransportContext;
import org.tomprotocol.spi.transport.TransportException;
import org.tomprotocol.spi.transport.TransportProvider;
import org.tomprotocol.testkit.MemoryTransportProvider;

/** The {@code mem} transport on the process-wide in-memory network, found by {@link java.util.ServiceLoader}. */
public final class SharedMemoryTransportProvider implements TransportProvider {
    private final MemoryTransportProvider shared = new MemoryTransportProvider();

    @Override
    public String id() {
        return shared.id();
    }

    @Override
    public int priority() {
        return shared.priority();
    }

    @Override
    public Availability availability() {
        return shared.availability();
    }

    @Override
    public String scheme() {
        return shared.scheme();
    }

    @Override
    public Transport bind(TransportContext context) throws TransportException {
        return shared.bind(context);
    }
}
