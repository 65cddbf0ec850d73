package org.tomprotocol.lab.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.Tom;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.api.spi.PluginSource;
import org.tomprotocol.cli.output.Samples;

/** Two whole ToM nodes over the QUIC transport on loopback: encrypted messages, timed to the recipient's ACK. */
final class TomOverQuic implements AutoCloseable {
    private final TomNode alice;
    private final TomNode bob;

    /** An admission budget no bench reaches: the nodes price nothing. */
    static final String UNPRICED = "1000000";

    /** @param compact whether the nodes write the compact wire profile (option {@code tom.compact-profile}) */
    TomOverQuic(PluginSource plugins, boolean compact) throws Exception {
        String option = String.valueOf(compact);
        // the bench measures the message path at thousands of messages a second from one origin: far past lock 5's
        // default budget (docs/roles.md), which would have the sender mint stamps
        alice = Tom.node().plugins(plugins).transports("quic").listen("127.0.0.1:0")
                .option("tom.compact-profile", option).option("tom.admission-budget", UNPRICED).start();
        bob = Tom.node().plugins(plugins).transports("quic").listen("127.0.0.1:0")
                .option("tom.compact-profile", option).option("tom.admission-budget", UNPRICED).start();
        TransportAddress bobAddress = bob.addresses().stream().filter(a -> a.address().startsWith("127.0.0.1:"))
                .findFirst().orElseThrow();
        alice.addPeer(PeerAddress.of(bob.id(), bobAddress));
        alice.send(bob.id(), new byte[1]).delivered().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    /** How many of the sender's transmissions so far were written in {@code profile}. */
    long transmissions(String profile) {
        return alice.metrics().counter("transmissions", java.util.Map.of("profile", profile));
    }

    /** Send-to-delivered times of {@code count} sequential messages. */
    Samples roundTrips(int count, int size) throws Exception {
        Samples samples = new Samples(count);
        byte[] payload = new byte[size];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            alice.send(bob.id(), payload).delivered().toCompletableFuture().get(30, TimeUnit.SECONDS);
            samples.add(System.nanoTime() - start);
        }
        return samples;
    }

    /** Delivered messages per second with {@code window} messages outstanding. */
    double throughput(int count, int size, int window) throws Exception {
        Semaphore permits = new Semaphore(window);
        CompletableFuture<?>[] all = new CompletableFuture<?>[count];
        byte[] payload = new byte[size];
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            permits.acquire();
            CompletableFuture<?> delivered = alice.send(bob.id(), payload).delivered().toCompletableFuture();
            delivered.whenComplete((r, e) -> permits.release());
            all[i] = delivered;
        }
        CompletableFuture.allOf(all).get(300, TimeUnit.SECONDS);
        return count / ((System.nanoTime() - start) / 1e9);
    }

    @Override
    public void close() {
        alice.close();
        bob.close();
    }
}
