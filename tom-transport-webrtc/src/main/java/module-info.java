/**
 * The WebRTC DataChannel transport for browser peers. Not implemented yet: this module provides no service,
 * so no node will ever list or use it until it does.
 */
module org.tomprotocol.transport.webrtc {
    requires org.tomprotocol.spi;
}
