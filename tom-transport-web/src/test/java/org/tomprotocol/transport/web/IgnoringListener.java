package org.tomprotocol.transport.web;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.spi.transport.TransportListener;

/** A listener for tests that bind the endpoint only to see whether it binds. */
final class IgnoringListener implements TransportListener {
    @Override
    public void onFrame(NodeId peer, FrameChannel channel, byte[] frame) {
    }

    @Override
    public void onConnected(NodeId peer, TransportAddress remote) {
    }

    @Override
    public void onDisconnected(NodeId peer, String reason) {
    }
}
