/**
 * A node's web endpoint: the {@code ws} transport. Browser nodes connect to {@code ws://host:port/tom}, prove the
 * node id they claim by signing the endpoint's challenge, and then exchange ToM frames with the node as with any
 * neighbour. It accepts and never dials (a browser cannot be dialled). It exports nothing and only provides a
 * {@link org.tomprotocol.spi.transport.TransportProvider}.
 */
module org.tomprotocol.transport.web {
    requires org.tomprotocol.spi;
    requires io.netty.buffer;
    requires io.netty.common;
    requires io.netty.transport;
    requires io.netty.codec.http;

    provides org.tomprotocol.spi.transport.TransportProvider
            with org.tomprotocol.transport.web.WebTransportProvider;
}
