package org.tomprotocol.spi.transport;

import java.util.List;

import org.tomprotocol.api.Api;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;

/**
 * Receives what a transport observes. Called from the transport's threads; implementations return quickly
 * and never block, and may call the transport back. For one peer, {@link #onConnected} and {@link #onDisconnected}
 * alternate, starting with {@code onConnected}. An exception thrown by a listener method does not stop the
 * transport (later frames still arrive); an {@link Error} is reported to {@link #onFatalError}.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface TransportListener {
    /** A frame arrived from an authenticated peer. The array is handed over: the transport keeps no reference. */
    void onFrame(NodeId peer, FrameChannel channel, byte[] frame);

    /** A session to {@code peer} is up; {@code remote} is the peer's address as this side observes it. */
    void onConnected(NodeId peer, TransportAddress remote);

    /** The session to {@code peer} ended. */
    void onDisconnected(NodeId peer, String reason);

    /**
     * Asks the node to carry {@code signal} to {@code peer}, sealed and signed, direct or through a relay
     * ({@code docs/wire-spec.md} §5.1). Best effort and never acknowledged: the session it sets up is the answer.
     * Returns at once. By default (a listener that is not a node's) it goes nowhere.
     */
    default void sendSignal(NodeId peer, Signal signal) {
    }

    /** The addresses at which this node can be reached changed (e.g. a peer reported an observed address). */
    default void onLocalAddressesChanged(List<TransportAddress> addresses) {
    }

    /**
     * The transport refused input from the network that no honest peer sends (an oversize or malformed frame, a
     * failed handshake): counted by the node under {@code rejected.<reason>} ({@code reason} is lower-case words
     * joined by hyphens, e.g. {@code frame-too-large}), and held against {@code peer} — its later frames cost more. {@code peer} is {@code null} when not yet authenticated.
     */
    default void onRejected(NodeId peer, String reason) {
    }

    /**
     * The transport dropped or reset input for its own limits — its memory budget, a deadline, a cap of
     * connections — which an honest peer may meet when this node is loaded: counted under {@code shed.<reason>},
     * never held against {@code peer} ({@code null} when not yet authenticated).
     */
    default void onShed(NodeId peer, String reason) {
    }

    /**
     * One of the transport's threads hit an {@link Error} (out of memory, a stack overflow, a linkage error):
     * the transport may no longer work. The node reports itself failed ({@code NodeFailure}). Exceptions caused
     * by input from the network are not fatal: they go to {@link #onRejected}.
     */
    default void onFatalError(Throwable error) {
    }
}
