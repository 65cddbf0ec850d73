/**
 * The QUIC transport of ToM: identity-pinned TLS 1.3 over Netty QUIC, one UDP socket per node that both
 * accepts and dials, one bidirectional stream per frame. It exports nothing and only provides a
 * {@link org.tomprotocol.spi.transport.TransportProvider}.
 *
 * <p>At run time the native QUIC library must be on the module path too
 * ({@code --add-modules io.netty.codec.quic.linux.x86_64}); Java 24+ also wants
 * {@code --enable-native-access=io.netty.common} to load it without warnings.
 */
module org.tomprotocol.transport.quic {
    requires org.tomprotocol.spi;
    requires io.netty.buffer;
    requires io.netty.common;
    requires io.netty.transport;
    requires io.netty.handler;
    requires io.netty.codec.classes.quic;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.provider;

    provides org.tomprotocol.spi.transport.TransportProvider
            with org.tomprotocol.transport.quic.QuicTransportProvider;
}
