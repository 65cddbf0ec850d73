package org.tomprotocol.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PathChange;
import org.tomprotocol.api.PathKind;

/** Notifications racing the node's close are dropped, never thrown at the thread that published them. */
class EventHubTest {
    private static final PathChange EVENT = new PathChange(NodeId.of(new byte[32]), PathKind.RELAY, PathKind.DIRECT,
            Duration.ZERO, Instant.EPOCH);

    @Test
    void publishingWhileAnotherThreadClosesNeverThrows() throws Exception {
        ExecutorService publishers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 200; round++) {
                EventHub hub = new EventHub(Runnable::run, new Metrics());
                hub.listen(hub.events(), event -> { });
                ConcurrentLinkedQueue<Throwable> thrown = new ConcurrentLinkedQueue<>();
                CountDownLatch started = new CountDownLatch(2);
                List<? extends java.util.concurrent.Future<?>> running = List.of(
                        publishers.submit(() -> publishUntilClosed(hub, started, thrown)),
                        publishers.submit(() -> publishUntilClosed(hub, started, thrown)));
                started.await();
                hub.close();
                for (var task : running) {
                    task.get();
                }
                assertThat(thrown).as("round %d", round).isEmpty();
            }
        } finally {
            publishers.shutdownNow();
        }
    }

    private static void publishUntilClosed(EventHub hub, CountDownLatch started,
                                           ConcurrentLinkedQueue<Throwable> thrown) {
        started.countDown();
        try {
            for (int i = 0; i < 2_000; i++) {
                hub.publishEvent(EVENT);
            }
        } catch (RuntimeException e) {
            thrown.add(e);
        }
    }
}
