package org.tomprotocol.testkit;

import java.util.List;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.spi.transport.TransportListener;

/**
 * Passes calls to a transport's listener and, as any transport must, reports an {@link Error} thrown on the
 * network's thread to {@link TransportListener#onFatalError} before letting it go on (a virtual runtime then fails
 * the run, a real-time scheduler logs it). Exceptions pass through unreported: they are not fatal.
 */
final class FatalErrorReporter implements TransportListener {
    private final TransportListener listener;

    FatalErrorReporter(TransportListener listener) {
        this.listener = listener;
    }

    private void call(Runnable notification) {
        try {
            notification.run();
        } catch (Error error) {
            try {
                listener.onFatalError(error);
            } catch (RuntimeException | Error reporting) {
                error.addSuppressed(reporting);
            }
            throw error;
        }
    }

    @Override
    public void onFrame(NodeId peer, FrameChannel channel, byte[] frame) {
        call(() -> listener.onFrame(peer, channel, frame));
    }

    @Override
    public void onConnected(NodeId peer, TransportAddress remote) {
        call(() -> listener.onConnected(peer, remote));
    }

    @Override
    public void onDisconnected(NodeId peer, String reason) {
        call(() -> listener.onDisconnected(peer, reason));
    }

    @Override
    public void onLocalAddressesChanged(List<TransportAddress> addresses) {
        call(() -> listener.onLocalAddressesChanged(addresses));
    }

    @Override
    public void onRejected(NodeId peer, String reason) {
        call(() -> listener.onRejected(peer, reason));
    }

    @Override
    public void onFatalError(Throwable error) {
        listener.onFatalError(error);
    }
}
