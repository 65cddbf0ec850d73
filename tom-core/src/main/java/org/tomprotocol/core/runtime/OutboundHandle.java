package org.tomprotocol.core.runtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import org.tomprotocol.api.DeliveryFailedException;
import org.tomprotocol.api.DeliveryReceipt;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.StatusChange;

/**
 * The application's view of one sent message. Steps are applied on the node's event thread; listeners
 * registered later get the steps so far replayed first, under the same lock, so none is missed or doubled.
 */
final class OutboundHandle implements OutboundMessage {
    private final MessageId id;
    private final NodeId recipient;
    private final Instant sentAt;
    private final CompletableFuture<DeliveryReceipt> delivered = new CompletableFuture<>();
    private final List<StatusChange> timeline = new ArrayList<>();
    private final List<Consumer<? super StatusChange>> listeners = new ArrayList<>();
    private volatile MessageStatus status = MessageStatus.PENDING;
    private volatile List<NodeId> path = List.of();

    OutboundHandle(MessageId id, NodeId recipient, Instant sentAt) {
        this.id = id;
        this.recipient = recipient;
        this.sentAt = sentAt;
        timeline.add(new StatusChange(id, MessageStatus.PENDING, MessageStatus.PENDING, sentAt));
    }

    /** Whether the message was delivered or failed already. */
    boolean settled() {
        return delivered.isDone();
    }

    /** When the application handed the message to the node, on the node's clock. */
    Instant sentAt() {
        return sentAt;
    }

    @Override
    public MessageId id() {
        return id;
    }

    @Override
    public NodeId recipient() {
        return recipient;
    }

    @Override
    public List<NodeId> path() {
        return path;
    }

    void routed(List<NodeId> relays) {
        this.path = List.copyOf(relays);
    }

    @Override
    public MessageStatus status() {
        return status;
    }

    @Override
    public synchronized List<StatusChange> timeline() {
        return List.copyOf(timeline);
    }

    @Override
    public CompletionStage<DeliveryReceipt> delivered() {
        return delivered.minimalCompletionStage();
    }

    @Override
    public synchronized OutboundMessage onStatusChange(Consumer<? super StatusChange> listener) {
        for (StatusChange change : timeline) {
            listener.accept(change);
        }
        listeners.add(listener);
        return this;
    }

    /** Applies one step; returns whether the message just left flight (delivered or failed). */
    boolean apply(MessageStatus previous, MessageStatus current, Instant at, DeliveryFailedException.Reason failure) {
        StatusChange change = new StatusChange(id, previous, current, at);
        synchronized (this) {
            status = current;
            timeline.add(change);
            for (Consumer<? super StatusChange> listener : listeners) {
                listener.accept(change);
            }
        }
        if (current.isDelivered() && !delivered.isDone()) {
            delivered.complete(new DeliveryReceipt(id, recipient, sentAt, at));
            return true;
        }
        if (current == MessageStatus.FAILED && !delivered.isDone()) {
            delivered.completeExceptionally(new DeliveryFailedException(id, recipient, failure,
                    "message " + id + " to " + recipient.shortForm() + " was not delivered: " + describe(failure)));
            return true;
        }
        return false;
    }

    private static String describe(DeliveryFailedException.Reason failure) {
        return switch (failure) {
            case NO_ACKNOWLEDGEMENT -> "the recipient did not acknowledge it within its 24 h lifetime";
            case NO_ROUTE -> "no session to the recipient and no relay that could reach it within its 24 h lifetime";
            case NODE_CLOSED -> "the node was closed first";
            case null -> "unknown reason";
        };
    }
}
