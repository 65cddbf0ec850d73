package org.tomprotocol.api;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The handle of a message this node sent: its id, its status timeline and a stage that completes when the
 * final recipient acknowledged it.
 *
 * <p>Listeners and stage callbacks run on the node's event thread, never on the protocol engine's own
 * thread; a slow listener delays other notifications of this node but never the protocol.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface OutboundMessage {
    /** The id shared by every attempt of this message. */
    MessageId id();

    /** The final recipient. */
    NodeId recipient();

    /** The relays of the latest transmission, first hop first; empty when it went direct or before it went. */
    List<NodeId> path();

    /** The current status. */
    MessageStatus status();

    /** Every status step so far, oldest first, starting with {@code PENDING}. */
    List<StatusChange> timeline();

    /**
     * Completes normally when the final recipient's acknowledgement arrives, or exceptionally with a
     * {@link DeliveryFailedException} when the message fails.
     */
    CompletionStage<DeliveryReceipt> delivered();

    /**
     * Registers a listener for status steps. Steps already taken are replayed to it first, in order, so
     * no step is missed however late the listener is added.
     *
     * @return this handle
     */
    OutboundMessage onStatusChange(Consumer<? super StatusChange> listener);
}
