package org.tomprotocol.transport.quic;

import java.util.List;
import java.util.Map;

import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.transport.TransportProvider;
import org.tomprotocol.tck.TransportTck;

/** The transport TCK on QUIC, over loopback, with quick redials so a restarted peer is reached at once. */
class QuicTransportTckTest extends TransportTck {
    @Override
    protected TransportProvider provider() {
        return new QuicTransportProvider();
    }

    @Override
    protected List<TransportAddress> listenAddresses() {
        return List.of(TransportAddress.parse("quic:127.0.0.1:0"));
    }

    @Override
    protected Map<String, String> options() {
        return Map.of(QuicOptions.BACKOFF_INITIAL, "100", QuicOptions.HANDSHAKE_TIMEOUT, "2000");
    }
}
