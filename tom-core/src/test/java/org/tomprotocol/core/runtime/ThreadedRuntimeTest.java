package org.tomprotocol.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.DeliveryReceipt;
import org.tomprotocol.api.InboundMessage;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.Tom;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.crypto.TomV1CryptoSuiteProvider;
import org.tomprotocol.testkit.MemoryNetwork;
import org.tomprotocol.testkit.RealTimeScheduler;

/** The node's own threads (agent, workers, event thread) on real time, over the in-memory transport. */
class ThreadedRuntimeTest {

    @Test
    void nodesOnTheirOwnThreadsDeliverConcurrentSendsAndCloseCleanly() throws Exception {
        try (RealTimeScheduler scheduler = new RealTimeScheduler("net")) {
            MemoryNetwork network = new MemoryNetwork(scheduler, 5);
            TomNode alice = Tom.node().serviceLoading(false).provider(new TomV1CryptoSuiteProvider())
                    .provider(network.transportProvider()).listen("mem:t-alice").start();
            TomNode bob = Tom.node().serviceLoading(false).provider(new TomV1CryptoSuiteProvider())
                    .provider(network.transportProvider()).listen("mem:t-bob").start();
            List<InboundMessage> received = new CopyOnWriteArrayList<>();
            bob.onMessage(received::add);
            alice.addPeer(PeerAddress.of(bob.id(), TransportAddress.parse("mem:t-bob")));

            List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                senders.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < 50; i++) {
                        sent.add(alice.send(bob.id(), ("t" + thread + "-" + i).getBytes(StandardCharsets.UTF_8)));
                    }
                }));
            }
            for (Thread sender : senders) {
                sender.join();
            }
            CompletableFuture<?>[] all = sent.stream().map(m -> m.delivered().toCompletableFuture())
                    .toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(all).get(30, TimeUnit.SECONDS);

            assertThat(sent).hasSize(200).allMatch(m -> m.status() == MessageStatus.DELIVERED);
            assertThat(received).hasSize(200);
            DeliveryReceipt receipt = sent.get(0).delivered().toCompletableFuture().get();
            assertThat(receipt.recipient()).isEqualTo(bob.id());

            network.crash(bob.id());
            OutboundMessage pending = alice.send(bob.id(), "in flight at close".getBytes(StandardCharsets.UTF_8));
            alice.close();
            bob.close();
            assertThat(pending.delivered().toCompletableFuture()).failsWithin(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void stampsMintedForAsLongAsTheyTakeNeverHoldUpTheWorkersAndGoOneAfterAnother() throws Exception {
        ThreadedRuntime runtime = new ThreadedRuntime("minting-test");
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        List<String> minted = new CopyOnWriteArrayList<>();
        try {
            int mints = Runtime.getRuntime().availableProcessors() + 1;
            for (int i = 0; i < mints; i++) {
                int stamp = i;
                runtime.proofOfWork(1L << 20, () -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    minted.add(stamp + " on " + Thread.currentThread().getName());
                });
            }
            CompletableFuture<String> verified = new CompletableFuture<>();
            runtime.workers().execute(() -> verified.complete(Thread.currentThread().getName()));

            assertThat(verified.get(5, TimeUnit.SECONDS)).as("a worker is free while every stamp mints")
                    .startsWith("tom-worker");
            release.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (minted.size() < mints && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(minted).hasSize(mints).allMatch(line -> line.endsWith("on tom-mint-minting-test-1"))
                    .startsWith("0 on tom-mint-minting-test-1", "1 on tom-mint-minting-test-1");
        } finally {
            release.countDown();
            runtime.close();
        }
    }
}
