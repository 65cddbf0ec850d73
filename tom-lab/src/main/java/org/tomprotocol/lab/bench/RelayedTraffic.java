package org.tomprotocol.lab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.tomprotocol.api.NodeBuilder;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.SendOptions;
import org.tomprotocol.api.Tom;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.api.spi.PluginSource;
import org.tomprotocol.cli.output.Samples;

/**
 * Sender–recipient pairs and one relay, all whole ToM nodes over QUIC on loopback in this process. The same traffic —
 * every sender streaming encrypted messages to its own recipient, timed to the recipient's acknowledgement — is sent
 * either direct or through the relay (a path fixed by the sender, so no node upgrades it to a direct one).
 */
final class RelayedTraffic implements AutoCloseable {
    /** One phase's figures. */
    record Result(int delivered, double seconds, Samples latencies, long relayForwarded) {
        double messagesPerSecond() {
            return delivered / seconds;
        }
    }

    private final TomNode relay;
    private final List<TomNode> senders = new ArrayList<>();
    private final List<TomNode> recipients = new ArrayList<>();

    RelayedTraffic(PluginSource plugins, int pairs) throws Exception {
        relay = start(plugins);
        for (int i = 0; i < pairs; i++) {
            TomNode sender = start(plugins);
            TomNode recipient = start(plugins);
            sender.addPeer(address(relay));
            sender.addPeer(address(recipient));
            relay.addPeer(address(recipient));
            senders.add(sender);
            recipients.add(recipient);
        }
        // every path is up before anything is timed: one message each way of sending
        for (int i = 0; i < pairs; i++) {
            senders.get(i).send(recipients.get(i).id(), new byte[1]).delivered().toCompletableFuture()
                    .get(20, TimeUnit.SECONDS);
            senders.get(i).send(recipients.get(i).id(), new byte[1], SendOptions.viaRelays(relay.id())).delivered()
                    .toCompletableFuture().get(20, TimeUnit.SECONDS);
        }
    }

    private static TomNode start(PluginSource plugins) {
        // many messages a second from each sender through one relay: past lock 5's default budget (docs/roles.md)
        NodeBuilder builder = Tom.node().plugins(plugins).transports("quic").listen("127.0.0.1:0")
                .option("tom.admission-budget", TomOverQuic.UNPRICED);
        return builder.start();
    }

    private static PeerAddress address(TomNode node) {
        TransportAddress loopback = node.addresses().stream().filter(a -> a.address().startsWith("127.0.0.1:"))
                .findFirst().orElseThrow(() -> new IllegalStateException("a node listens on 127.0.0.1"));
        return PeerAddress.of(node.id(), loopback);
    }

    /**
     * Every sender sends {@code perSender} messages of {@code size} bytes to its recipient, with at most {@code window}
     * outstanding, all senders at once; returns when all are delivered.
     */
    Result run(boolean viaRelay, int perSender, int size, int window) throws Exception {
        long forwardedBefore = forwarded();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<?>> all = new ArrayList<>();
        List<Thread> loops = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < senders.size(); i++) {
            TomNode sender = senders.get(i);
            TomNode recipient = recipients.get(i);
            SendOptions options = viaRelay ? SendOptions.viaRelays(relay.id()) : SendOptions.defaults();
            loops.add(Thread.ofPlatform().name("relay-bench-sender-" + i).start(() -> {
                List<CompletableFuture<?>> mine = new ArrayList<>();
                Semaphore permits = new Semaphore(window);
                byte[] payload = new byte[size];
                for (int n = 0; n < perSender; n++) {
                    permits.acquireUninterruptibly();
                    long sent = System.nanoTime();
                    CompletableFuture<?> delivered = sender.send(recipient.id(), payload, options).delivered()
                            .toCompletableFuture();
                    delivered.whenComplete((receipt, error) -> {
                        latencies.add(System.nanoTime() - sent);
                        permits.release();
                    });
                    mine.add(delivered);
                }
                synchronized (all) {
                    all.addAll(mine);
                }
            }));
        }
        for (Thread loop : loops) {
            loop.join();
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture<?>[]::new)).get(600, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        Samples samples = new Samples(latencies.size());
        latencies.forEach(samples::add);
        return new Result(all.size(), seconds, samples, forwarded() - forwardedBefore);
    }

    /** Envelopes the relay passed on (messages and acknowledgements). */
    long forwarded() {
        return relay.metrics().counter("relay_work", java.util.Map.of("work", "forwarded"));
    }

    @Override
    public void close() {
        senders.forEach(TomNode::close);
        recipients.forEach(TomNode::close);
        relay.close();
    }
}
