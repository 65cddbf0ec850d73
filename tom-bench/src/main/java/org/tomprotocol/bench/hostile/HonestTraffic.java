package org.tomprotocol.bench.hostile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.Tom;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.cli.output.Samples;

/**
 * An honest node that sends 1 KiB messages to the victim at a steady rate and times each from {@code send} to
 * the victim's acknowledgement: the honest latency the report compares with and without an attack.
 */
final class HonestTraffic implements AutoCloseable {
    private static final byte[] PAYLOAD = new byte[1024];

    /** One phase: how many messages were sent and delivered, and their latencies. */
    record Phase(int sent, int delivered, Samples latencies) {
        double p50Millis() {
            return latencies.percentileMicros(0.50) / 1000;
        }

        double p99Millis() {
            return latencies.percentileMicros(0.99) / 1000;
        }
    }

    final TomNode node;
    private final Victim victim;

    HonestTraffic(Victim victim) throws InterruptedException {
        this.victim = victim;
        this.node = Tom.node().listen("127.0.0.1:0").option("node.name", "honest")
                .bootstrap(PeerAddress.of(victim.id, victim.address)).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (node.peers().stream().noneMatch(p -> p.id().equals(victim.id) && p.directSession())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the honest node never reached the victim");
            }
            Thread.sleep(20);
        }
    }

    /** Sends {@code perSecond} messages a second for {@code duration}, then waits for the last ones. */
    Phase run(Duration duration, int perSecond) throws InterruptedException {
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        int count = (int) (duration.toNanos() / interval);
        Samples latencies = new Samples(count);
        List<CompletableFuture<Void>> outcomes = new ArrayList<>(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            long sentAt = System.nanoTime();
            OutboundMessage message = node.send(victim.id, PAYLOAD);
            outcomes.add(message.delivered().toCompletableFuture().thenAccept(receipt -> {
                synchronized (latencies) {
                    latencies.add(System.nanoTime() - sentAt);
                }
            }));
        }
        int delivered = 0;
        for (CompletableFuture<Void> outcome : outcomes) {
            try {
                outcome.get(30, TimeUnit.SECONDS);
                delivered++;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // counted as not delivered
            }
        }
        return new Phase(count, delivered, latencies);
    }

    @Override
    public void close() {
        node.close();
    }
}
