package org.tomprotocol.core.runtime;

import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.function.Consumer;

import org.tomprotocol.api.InboundMessage;
import org.tomprotocol.api.NodeEvent;

/**
 * The node's publishers of inbound messages and events, run on the node's event executor. A subscriber that
 * falls more than a buffer behind loses items, counted as {@code app-dropped}: the protocol never waits for
 * the application.
 */
final class EventHub {
    private static final int BUFFER = 16_384;

    private final SubmissionPublisher<InboundMessage> messages;
    private final SubmissionPublisher<NodeEvent> events;
    private final Metrics metrics;
    private volatile boolean closed;

    EventHub(Executor executor, Metrics metrics) {
        this.messages = new SubmissionPublisher<>(executor, BUFFER);
        this.events = new SubmissionPublisher<>(executor, BUFFER);
        this.metrics = metrics;
    }

    Flow.Publisher<InboundMessage> messages() {
        return messages;
    }

    Flow.Publisher<NodeEvent> events() {
        return events;
    }

    void publishMessage(InboundMessage message) {
        publish(messages, message);
    }

    void publishEvent(NodeEvent event) {
        publish(events, event);
    }

    private <T> void publish(SubmissionPublisher<T> publisher, T item) {
        if (closed) {
            return;
        }
        try {
            publisher.offer(item, (subscriber, dropped) -> {
                metrics.increment("app-dropped");
                return false;
            });
        } catch (IllegalStateException e) {
            // close() ran on another thread between the check and the offer: drop it as after close
            if (!closed) {
                throw e;
            }
        }
    }

    /** Subscribes {@code listener} to {@code publisher}; closing the result cancels the subscription. */
    <T> AutoCloseable listen(Flow.Publisher<T> publisher, Consumer<? super T> listener) {
        ListenerSubscriber<T> subscriber = new ListenerSubscriber<>(listener);
        publisher.subscribe(subscriber);
        return subscriber;
    }

    /** Completes the publishers; later notifications (e.g. sessions closing during shutdown) are dropped. */
    void close() {
        closed = true;
        messages.close();
        events.close();
    }

    private static final class ListenerSubscriber<T> implements Flow.Subscriber<T>, AutoCloseable {
        private final Consumer<? super T> listener;
        private volatile Flow.Subscription subscription;
        private volatile boolean cancelled;

        ListenerSubscriber(Consumer<? super T> listener) {
            this.listener = listener;
        }

        @Override
        public void onSubscribe(Flow.Subscription granted) {
            this.subscription = granted;
            if (cancelled) {
                granted.cancel();
            } else {
                granted.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(T item) {
            listener.accept(item);
        }

        @Override
        public void onError(Throwable throwable) {
            System.getLogger(EventHub.class.getName()).log(System.Logger.Level.WARNING,
                    "a node listener failed and was unsubscribed", throwable);
        }

        @Override
        public void onComplete() {
            // the node closed
        }

        @Override
        public void close() {
            cancelled = true;
            Flow.Subscription current = subscription;
            if (current != null) {
                current.cancel();
            }
        }
    }
}
