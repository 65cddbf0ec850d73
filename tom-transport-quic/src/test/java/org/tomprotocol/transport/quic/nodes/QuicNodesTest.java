package org.tomprotocol.transport.quic.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tomprotocol.transport.quic.nodes.QuicNodes.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.DeliveryReceipt;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.Tom;
import org.tomprotocol.transport.quic.nodes.QuicNodes.Running;

/** Whole nodes over real QUIC on loopback: the engine, the tom-v1 suite and the QUIC transport together. */
class QuicNodesTest {

    /** Waits, up to 5 s, until {@code count} messages reached {@code node}'s application. */
    private static void arrived(Running node, int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (node.inbox().size() < count && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    private static DeliveryReceipt delivered(OutboundMessage message) throws Exception {
        return message.delivered().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    void twoNodesExchangeEncryptedMessagesBothWays() throws Exception {
        try (QuicNodes nodes = new QuicNodes()) {
            Running alice = nodes.start();
            Running bob = nodes.start();
            alice.node().addPeer(bob.peerAddress());

            delivered(alice.node().send(bob.node().id(), text("hello over quic")));
            delivered(bob.node().send(alice.node().id(), text("hello back")));
            // a node acknowledges before its application's listener runs: the sender may know first
            arrived(bob, 1);
            arrived(alice, 1);

            assertThat(bob.inbox()).singleElement().satisfies(m -> {
                assertThat(new String(m.payload(), StandardCharsets.UTF_8)).isEqualTo("hello over quic");
                assertThat(m.encrypted()).isTrue();
            });
            assertThat(alice.inbox()).singleElement()
                    .satisfies(m -> assertThat(m.sender()).isEqualTo(bob.node().id()));
        }
    }

    @Test
    void fiveNodesDeliverThroughRelaysWhenNoDirectSessionExists() throws Exception {
        try (QuicNodes nodes = new QuicNodes()) {
            Running hub1 = nodes.start();
            Running hub2 = nodes.start();
            List<Running> leaves = List.of(nodes.start(), nodes.start(), nodes.start());
            hub2.node().addPeer(hub1.peerAddress());
            for (Running leaf : leaves) {
                leaf.node().addPeer(hub1.peerAddress());
                leaf.node().addPeer(hub2.peerAddress());
            }
            List<OutboundMessage> sent = new ArrayList<>();
            for (Running from : leaves) {
                for (Running to : leaves) {
                    if (from != to) {
                        sent.add(from.node().send(to.node().id(), text("leaf to leaf")));
                    }
                }
            }
            for (OutboundMessage message : sent) {
                // RELAYED may be overtaken by the recipient's acknowledgement; the hop count proves the relay
                assertThat(delivered(message).recipient()).isEqualTo(message.recipient());
            }
            long relayed = 0;
            long unrelayed = 0;
            leaves.forEach(leaf -> arrived(leaf, 2));
            for (Running leaf : leaves) {
                assertThat(leaf.inbox()).hasSize(2).allSatisfy(m -> assertThat(m.relayHops()).isBetween(0, 1));
                relayed += leaf.inbox().stream().filter(m -> m.relayHops() == 1).count();
                unrelayed += leaf.inbox().stream().filter(m -> m.relayHops() == 0).count();
            }
            // on a slow machine an attempt may go unacknowledged for long enough that the sender places backup
            // copies on the hubs, and a hub hands its copy (the sender's own, unrelayed envelope) over its session
            // with the recipient first; any unrelayed delivery must be such a copy, never a direct leaf-to-leaf path
            long handedByHubs = hub1.node().metrics().get("backup-deliveries")
                    + hub2.node().metrics().get("backup-deliveries");
            assertThat(relayed).as("messages carried by a relay").isPositive();
            assertThat(unrelayed).as("unrelayed deliveries, against copies the hubs handed over")
                    .isLessThanOrEqualTo(handedByHubs);
        }
    }

    @Test
    void aPeerThatClaimsAnotherIdentityIsRefused() throws Exception {
        try (QuicNodes nodes = new QuicNodes()) {
            Running alice = nodes.start();
            Running bob = nodes.start();
            Running mallory = nodes.start();
            // Alice is told that Bob lives at Mallory's address: the handshake must fail the identity check.
            alice.node().addPeer(PeerAddress.of(bob.node().id(), mallory.quicAddress()));
            OutboundMessage message = alice.node().send(bob.node().id(), text("for bob only"));

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (mallory.node().metrics().get("rejected.handshake-failed") == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(mallory.node().metrics().get("rejected.handshake-failed")).isPositive();
            assertThat(message.status()).isIn(MessageStatus.PENDING, MessageStatus.FAILED);
            assertThat(mallory.inbox()).isEmpty();
            assertThat(mallory.node().peers()).noneMatch(p -> p.id().equals(alice.node().id()) && p.directSession());
        }
    }

    @Test
    void aRestartedPeerIsReachedAgainAndDeliveryResumes() throws Exception {
        try (QuicNodes nodes = new QuicNodes()) {
            byte[] seed = new byte[32];
            seed[0] = 42;
            Running alice = nodes.start();
            Running bob = nodes.start(Tom.node().identitySeed(seed));
            alice.node().addPeer(bob.peerAddress());
            delivered(alice.node().send(bob.node().id(), text("first life")));
            String bobPort = bob.quicAddress().address().substring("127.0.0.1:".length());
            bob.node().close();

            Running reborn = nodes.start(Tom.node().identitySeed(seed), "127.0.0.1:" + bobPort);
            assertThat(reborn.node().id()).isEqualTo(bob.node().id());
            delivered(alice.node().send(bob.node().id(), text("second life")));
            arrived(reborn, 1);

            assertThat(reborn.inbox()).extracting(m -> new String(m.payload(), StandardCharsets.UTF_8))
                    .containsExactly("second life");
        }
    }

    @Test
    void tenThousandMessagesArriveOnceEachWithNoneLost() throws Exception {
        try (QuicNodes nodes = new QuicNodes()) {
            // the subject is the transport under load, not lock 5: bob lets alice send as much as she likes
            Running alice = nodes.start();
            Running bob = nodes.start(Tom.node().option("tom.admission-budget", "1000000"));
            alice.node().addPeer(bob.peerAddress());
            delivered(alice.node().send(bob.node().id(), text("warm up")));

            Semaphore window = new Semaphore(512);
            List<CompletableFuture<DeliveryReceipt>> receipts = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                window.acquire();
                CompletableFuture<DeliveryReceipt> receipt = alice.node().send(bob.node().id(), text("bulk " + i))
                        .delivered().toCompletableFuture();
                receipt.whenComplete((r, e) -> window.release());
                receipts.add(receipt);
            }
            CompletableFuture.allOf(receipts.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            arrived(bob, 10_001);

            Set<MessageId> unique = new HashSet<>();
            bob.inbox().forEach(m -> unique.add(m.id()));
            assertThat(bob.inbox()).hasSize(10_001);
            assertThat(unique).hasSize(10_001);
        }
    }
}
