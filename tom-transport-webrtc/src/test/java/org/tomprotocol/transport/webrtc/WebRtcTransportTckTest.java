package org.tomprotocol.transport.webrtc;

import java.util.Map;

import org.tomprotocol.spi.transport.TransportProvider;
import org.tomprotocol.tck.TransportTck;

/**
 * The transport contract, on a signalled transport: the TCK carries offers and answers between the peers as a node
 * would. A peer nobody carries signals to is "a peer with no known address": its offer times out, here in 3 s.
 */
class WebRtcTransportTckTest extends TransportTck {
    @Override
    protected TransportProvider provider() {
        return new WebRtcTransportProvider();
    }

    @Override
    protected Map<String, String> options() {
        return Map.of("webrtc.setup-timeout", "3000");
    }
}
