package org.tomprotocol.api;

import java.util.List;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * A running ToM node: it sends, receives and relays end-to-end encrypted messages, and tracks each message
 * it sends until the final recipient acknowledges it. Every node is also a relay for others.
 *
 * <p>All methods are thread-safe and return without waiting for the network. Notifications (inbound
 * messages, events, status changes) arrive on the node's event thread, in order per publisher.
 *
 * <p>Start one with {@code Tom.node().start()}; close it to release its sockets and threads.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface TomNode extends AutoCloseable {
    /** This node's identity. */
    NodeId id();

    /** Where this node's transports accept connections, as other nodes should dial them. */
    List<TransportAddress> addresses();

    /**
     * Sends {@code payload}, end-to-end encrypted, to {@code recipient}, directly when a session exists and
     * through relays otherwise. Returns at once; follow the message through the returned handle.
     *
     * @throws SendRejectedException when the send queue is full, the payload is too large, or the node is
     *                               closed; nothing was sent
     */
    OutboundMessage send(NodeId recipient, byte[] payload);

    /**
     * {@link #send(NodeId, byte[])} with options, e.g. a path fixed through chosen relays.
     *
     * @throws SendRejectedException as {@link #send(NodeId, byte[])}
     */
    OutboundMessage send(NodeId recipient, byte[] payload, SendOptions options);

    /** Tells the sender of {@code message} that this node's application read it. */
    void markRead(InboundMessage message);

    /** Adds a peer to connect to, e.g. a bootstrap node learned after start. */
    void addPeer(PeerAddress peer);

    /** Messages delivered to this node, each once. */
    Flow.Publisher<InboundMessage> messages();

    /**
     * Convenience for {@link #messages()}: calls {@code listener} for each inbound message.
     *
     * @return closing it stops the listener
     */
    AutoCloseable onMessage(Consumer<? super InboundMessage> listener);

    /** Peer liveness and other node events. */
    Flow.Publisher<NodeEvent> events();

    /** A snapshot of the peers this node knows. */
    List<PeerInfo> peers();

    /**
     * How this node and each peer it knows stand with each other now: verified work, relay delivery, the stamps each
     * asks of the other (locks 4 and 5). Computed on the node's own thread; completes on its event thread.
     */
    java.util.concurrent.CompletionStage<List<PeerStanding>> standings();

    /** Group messaging. */
    Groups groups();

    /** A snapshot of this node's metrics: counters, gauges (queue depths, peers) and histograms (crypto, delivery). */
    NodeMetrics metrics();

    /**
     * The node's first unrecoverable failure, also published as an event; empty while it is healthy. A failed
     * node should be closed and replaced.
     */
    java.util.Optional<NodeFailure> failure();

    /**
     * Stops the node: pending messages fail with {@link DeliveryFailedException.Reason#NODE_CLOSED},
     * transports close, threads end. Idempotent.
     */
    @Override
    void close();
}
