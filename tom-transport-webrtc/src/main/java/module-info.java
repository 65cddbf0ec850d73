/**
 * The WebRTC DataChannel transport ({@code webrtc}): channels to browser nodes and other nodes with this plugin,
 * set up with signalling the node carries as sealed, signed envelopes. A plugin outside the default image, on
 * webrtc-java (libwebrtc). It exports nothing and only provides a
 * {@link org.tomprotocol.spi.transport.TransportProvider}.
 */
module org.tomprotocol.transport.webrtc {
    requires org.tomprotocol.spi;
    requires webrtc.java;

    provides org.tomprotocol.spi.transport.TransportProvider
            with org.tomprotocol.transport.webrtc.WebRtcTransportProvider;
}
