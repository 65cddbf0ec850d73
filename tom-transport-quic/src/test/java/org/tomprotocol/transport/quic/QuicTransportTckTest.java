package org.tomprotocol.transport.quic;

import java.util.List;

import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.transport.TransportProvider;
import org.tomprotocol.tck.TransportTck;

/** The transport TCK on QUIC over loopback, with the default options. */
class QuicTransportTckTest extends TransportTck {
    @Override
    protected TransportProvider provider() {
        return new QuicTransportProvider();
    }

    @Override
    protected List<TransportAddress> listenAddresses() {
        return List.of(TransportAddress.parse("quic:127.0.0.1:0"));
    }
}
