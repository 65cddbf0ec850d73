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
 *
 * <p>What the engine relies on, and the transport TCK ({@code org.tomprotocol.tck.TransportTck}) checks:
 * <ul>
 * <li>A session is pinned to the peer's node id: a node that cannot prove it holds the id it is dialled as is
 *     refused, and every frame and event names the authenticated id. A peer that dialled this node can be
 *     answered over its session, without its address.</li>
 * <li>Every frame handed to the network while its session stays up reaches the peer exactly once, in any order;
 *     only a session that fails may lose or repeat a frame (the engine resends and deduplicates).</li>
 * <li>Every method may be called from any thread, including from within the transport's own listener callbacks,
 *     and returns at once; every stage it returns completes, at the latest when the peer is disconnected or the
 *     transport closed.</li>
 * </ul>
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
     * Sends one frame to {@code peer}, opening a session first if needed. A frame longer than the context's
     * {@code maxFrameBytes} fails with a {@link TransportException} and is not sent. A peer that restarted (same
     * identity, same address) is reached again by a later send.
     *
     * @return completes when the frame was handed to the network, or exceptionally with a
     *         {@link TransportException} when the peer cannot be reached or the frame cannot be sent
     */
    CompletionStage<Void> send(NodeId peer, FrameChannel channel, byte[] frame);

    /**
     * Opens a session to {@code peer} with the addresses known for it; completes when it is up, or exceptionally
     * with a {@link TransportException} when no address is known or the node there is not {@code peer}.
     */
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

    /**
     * Signalling from {@code peer} for this transport (only one with {@link TransportCapability#SIGNALLED} is given
     * any): sealed to this node and signed by {@code peer}, taken once, at most two minutes old. Called on the
     * node's agent thread: return at once. By default it is ignored.
     */
    default void onSignal(NodeId peer, Signal signal) {
    }

    /** Peers with an open session. */
    Set<NodeId> connectedPeers();

    /**
     * Closes the session to {@code peer}, if any: both sides report {@code onDisconnected}, frames still waiting for
     * the peer fail, and a later send or connect opens a new session.
     */
    void disconnect(NodeId peer);

    /**
     * Closes every session and socket: peers learn their sessions ended, every pending send and connect completes
     * (exceptionally), and later calls fail. Idempotent.
     */
    @Override
    void close();
}
