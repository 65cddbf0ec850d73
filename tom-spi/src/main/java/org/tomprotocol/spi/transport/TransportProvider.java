package org.tomprotocol.spi.transport;

import org.tomprotocol.api.Api;
import org.tomprotocol.api.spi.Provider;

/**
 * Provides a transport: a way to exchange frames with authenticated peers. Swapping or adding a transport
 * is adding a jar that provides this service.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface TransportProvider extends Provider {
    /** The scheme of the addresses this transport understands, e.g. {@code quic} or {@code mem}. */
    String scheme();

    /**
     * Binds the transport: opens its sockets and starts accepting peers.
     *
     * @throws TransportException if it cannot bind (address in use, native library missing, …)
     */
    Transport bind(TransportContext context) throws TransportException;
}
