package org.tomprotocol.transport.quic;

import java.util.List;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.spi.transport.TransportListener;

/** Calls the engine's listener so that an exception it throws is logged and never breaks the event loop. */
final class ListenerGuard implements TransportListener {
    private static final System.Logger LOG = System.getLogger(ListenerGuard.class.getName());

    private final TransportListener delegate;

    ListenerGuard(TransportListener delegate) {
        this.delegate = delegate;
    }

    @Override
    public void onFrame(NodeId peer, FrameChannel channel, byte[] frame) {
        try {
            delegate.onFrame(peer, channel, frame);
        } catch (RuntimeException e) {
            failed("onFrame", e);
        }
    }

    @Override
    public void onConnected(NodeId peer, TransportAddress remote) {
        try {
            delegate.onConnected(peer, remote);
        } catch (RuntimeException e) {
            failed("onConnected", e);
        }
    }

    @Override
    public void onDisconnected(NodeId peer, String reason) {
        try {
            delegate.onDisconnected(peer, reason);
        } catch (RuntimeException e) {
            failed("onDisconnected", e);
        }
    }

    @Override
    public void onLocalAddressesChanged(List<TransportAddress> addresses) {
        try {
            delegate.onLocalAddressesChanged(addresses);
        } catch (RuntimeException e) {
            failed("onLocalAddressesChanged", e);
        }
    }

    @Override
    public void onRejected(NodeId peer, String reason) {
        LOG.log(System.Logger.Level.DEBUG, "rejected input from {0}: {1}",
                peer == null ? "an unauthenticated peer" : peer.shortForm(), reason);
        try {
            delegate.onRejected(peer, reason);
        } catch (RuntimeException e) {
            failed("onRejected", e);
        }
    }

    @Override
    public void onShed(NodeId peer, String reason) {
        LOG.log(System.Logger.Level.DEBUG, "shed input of {0}: {1}",
                peer == null ? "an unauthenticated peer" : peer.shortForm(), reason);
        try {
            delegate.onShed(peer, reason);
        } catch (RuntimeException e) {
            failed("onShed", e);
        }
    }

    @Override
    public void onFatalError(Throwable error) {
        try {
            delegate.onFatalError(error);
        } catch (RuntimeException e) {
            failed("onFatalError", e);
        }
    }

    private static void failed(String method, RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "transport listener " + method + " threw", e);
    }
}
