package org.tomprotocol.cli.extension;

import java.util.concurrent.Flow;
import java.util.function.Consumer;

import org.tomprotocol.api.Api;

/** Subscribes a plain listener to a {@link Flow.Publisher}, requesting everything. */
@Api(status = Api.Status.INCUBATING, since = "0.1")
public final class Subscriptions {
    private Subscriptions() {
    }

    /** Hands {@code listener} every item {@code publisher} publishes from now on, on the publisher's thread. */
    public static <T> void listen(Flow.Publisher<T> publisher, Consumer<? super T> listener) {
        publisher.subscribe(new Flow.Subscriber<T>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(T item) {
                listener.accept(item);
            }

            @Override
            public void onError(Throwable throwable) {
                // the node reports its own failures; nothing more to say here
            }

            @Override
            public void onComplete() {
                // the node closed
            }
        });
    }
}
