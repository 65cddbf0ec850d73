package org.tomprotocol.spi.transport;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import org.tomprotocol.api.Api;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;

/**
 * A bound transport. It exchanges frames with peers whose identity it authenticated, keeps at most one
 * session per peer (used in both directions), and reports sessions and frames to its
 * {@link TransportListener}. All methods are thread-safe and non-blocking.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface Transport extends AutoCloseable {
    /** Where this transport accepts sessions, as peers should dial it (observed addresses included). */
    List<TransportAddress> localAddresses();

    /** What this transport can do. */
    Set<TransportCapability> capabilities();

    /** Records addresses at which {@code peer} may be reached; unknown schemes are ignored. */
    void addPeerAddresses(NodeId peer, Collection<TransportAddress> addresses);

    /**
     * Sends one frame to {@code peer}, opening a session first if needed.
     *
     * @return completes when the frame was handed to the network, or exceptionally with a
     *         {@link TransportException} when the peer cannot be reached or the frame cannot be sent
     */
    CompletionStage<Void> send(NodeId peer, FrameChannel channel, byte[] frame);

    /** Opens a session to {@code peer} with the addresses known for it; completes when it is up. */
    CompletionStage<Void> connect(NodeId peer);

    /**
     * Tries to open a direct session to {@code peer} using {@code candidates}, e.g. by punching through
     * NATs from the listening socket. The default is an ordinary {@link #connect}.
     */
    default CompletionStage<Void> connectDirect(NodeId peer, List<TransportAddress> candidates) {
        addPeerAddresses(peer, candidates);
        return connect(peer);
    }

    /**
     * Stops reading frames from {@code peer} for {@code duration}, because the node spends more on that peer's
     * input than its budget allows. What the peer sends meanwhile waits in the transport, whose flow control (if
     * it has any) makes the peer slow down; reading resumes by itself. The session stays up: this is a cost, never
     * a block. Returns at once. By default it does nothing, and the node drops the peer's over-budget frames.
     */
    default void pause(NodeId peer, java.time.Duration duration) {
    }

    /** Whether a session to {@code peer} is open now. */
    boolean isConnected(NodeId peer);

    /** Peers with an open session. */
    Set<NodeId> connectedPeers();

    /** Closes the session to {@code peer}, if any. */
    void disconnect(NodeId peer);

    /** Closes every session and socket. Idempotent. */
    @Override
    void close();
}
