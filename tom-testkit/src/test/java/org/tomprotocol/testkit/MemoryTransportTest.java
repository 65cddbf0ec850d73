package org.tomprotocol.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.spi.transport.TransportCapability;
import org.tomprotocol.spi.transport.TransportException;
import org.tomprotocol.spi.transport.TransportListener;
import org.tomprotocol.testkit.SimFixture.Peer;

class MemoryTransportTest {
    private final SimFixture sim = new SimFixture(7);

    private static Throwable failureOf(CompletionStage<Void> stage) {
        CompletableFuture<Void> future = stage.toCompletableFuture();
        assertThat(future).isCompletedExceptionally();
        try {
            future.get();
            throw new AssertionError("not failed");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void bindsOnItsNodeIdByDefaultAndOnGivenMemAddresses() throws Exception {
        Peer alice = sim.peer(1);
        assertThat(alice.transport().localAddresses())
                .containsExactly(new TransportAddress("mem", TestNodes.node(1).toHex()));
        assertThat(alice.transport().capabilities()).containsExactly(TransportCapability.IN_PROCESS);

        var named = TestNodes.bind(sim.network.transportProvider(), TestNodes.node(2), 1024,
                List.of(TransportAddress.parse("mem:bob"), TransportAddress.parse("quic:127.0.0.1:7400")),
                new RecordingListener(sim::elapsed));
        assertThat(named.localAddresses()).containsExactly(new TransportAddress("mem", "bob"));

        assertThatThrownBy(() -> TestNodes.bind(sim.network.transportProvider(), TestNodes.node(3), 1024,
                List.of(TransportAddress.parse("mem:bob")), new RecordingListener(sim::elapsed)))
                .isInstanceOf(TransportException.class).hasMessageContaining("mem:bob is already bound");
    }

    @Test
    void connectTakesOneRoundTripAndBothSidesLearnOfTheSession() throws Exception {
        sim.network.defaultLink(LinkModel.withLatency(30));
        Peer alice = sim.peer(1);
        Peer bob = sim.peer(2);
        alice.learn(bob);

        CompletableFuture<Void> up = alice.transport().connect(bob.id()).toCompletableFuture();
        sim.run(Duration.ofMillis(59));
        assertThat(up).isNotDone();
        assertThat(bob.listener().connected()).containsExactly(
                new RecordingListener.Connected(30, alice.id(), alice.address()));

        sim.run(Duration.ofMillis(1));
        assertThat(up).isCompleted();
        assertThat(alice.listener().connected()).containsExactly(
                new RecordingListener.Connected(60, bob.id(), bob.address()));
        assertThat(alice.transport().connectedPeers()).containsExactly(bob.id());
        assertThat(bob.transport().isConnected(alice.id())).isTrue();
        assertThat(sim.network.stats().sessionsOpened()).isEqualTo(1);
    }

    @Test
    void sendConnectsOnDemandAndTheSessionIsUsableBothWays() throws Exception {
        sim.network.defaultLink(LinkModel.withLatency(10));
        Peer alice = sim.peer(1);
        Peer bob = sim.peer(2);
        alice.learn(bob);

        CompletableFuture<Void> sent = alice.send(bob, "hello").toCompletableFuture();
        sim.run(Duration.ofMillis(100));

        assertThat(sent).isCompleted();
        assertThat(bob.listener().frames()).singleElement().satisfies(frame -> {
            assertThat(frame.atMillis()).isEqualTo(30); // handshake round trip, then one way
            assertThat(frame.from()).isEqualTo(alice.id());
            assertThat(frame.channel()).isEqualTo(FrameChannel.ENVELOPE);
        });

        // bob was never told alice's address: he reaches her over the session she opened
        bob.send(alice, "hi back");
        sim.run(Duration.ofMillis(100));
        assertThat(alice.received()).containsExactly("hi back");
        assertThat(sim.network.stats().sessionsOpened()).isEqualTo(1);
    }

    @Test
    void framesAreCopiedAndListenersNeverRunInsideSend() throws Exception {
        Peer[] pair = sim.connectedPair(1, 2);
        byte[] frame = "original".getBytes(StandardCharsets.UTF_8);

        pair[0].transport().send(pair[1].id(), FrameChannel.DISCOVERY, frame);
        frame[0] = 'X';
        assertThat(pair[1].listener().frames()).isEmpty();

        sim.run(Duration.ZERO);
        assertThat(pair[1].received()).containsExactly("original");
        assertThat(pair[1].listener().frames().getFirst().channel()).isEqualTo(FrameChannel.DISCOVERY);
    }

    @Test
    void aTransportOnlyReachesPeersWhoseAddressItWasTold() throws Exception {
        Peer alice = sim.peer(1);
        Peer bob = sim.peer(2);

        Throwable unknown = failureOf(alice.transport().connect(bob.id()));
        assertThat(unknown).isInstanceOf(TransportException.class)
                .hasMessageContaining("no mem: address is known for node " + bob.id().shortForm());

        CompletionStage<Void> send = alice.send(bob, "lost");
        assertThat(failureOf(send)).isInstanceOf(TransportException.class);
        sim.run(Duration.ofSeconds(2));
        assertThat(bob.listener().heardAnything()).isFalse();
    }

    @Test
    void connectingToAnAddressWhereNobodyOrSomeoneElseListensFailsAfterARoundTrip() throws Exception {
        sim.network.defaultLink(LinkModel.withLatency(25));
        Peer alice = sim.peer(1);
        Peer carol = sim.peer(3);
        alice.transport().addPeerAddresses(TestNodes.node(2), List.of(TransportAddress.parse("mem:nobody")));
        alice.transport().addPeerAddresses(TestNodes.node(4), carol.transport().localAddresses());

        CompletionStage<Void> nobody = alice.transport().connect(TestNodes.node(2));
        CompletionStage<Void> impostor = alice.transport().connect(TestNodes.node(4));
        sim.run(Duration.ofMillis(49));
        assertThat(nobody.toCompletableFuture()).isNotDone();

        sim.run(Duration.ofMillis(1));
        assertThat(failureOf(nobody)).isInstanceOf(TransportException.class).hasMessageContaining("nothing listens");
        assertThat(failureOf(impostor)).isInstanceOf(TransportException.class)
                .hasMessageContaining("is node " + carol.id().shortForm());
        assertThat(carol.listener().connected()).isEmpty();
    }

    @Test
    void anOversizeFrameIsRejectedByTheReceiverAndTheSessionStaysUsable() throws Exception {
        Peer alice = sim.peer(1);
        Peer bob = sim.peer(2, 100);
        alice.learn(bob);

        CompletionStage<Void> big = alice.transport().send(bob.id(), FrameChannel.ENVELOPE, new byte[101]);
        alice.transport().send(bob.id(), FrameChannel.ENVELOPE, new byte[100]);
        sim.run(Duration.ofMillis(10));

        assertThat(big.toCompletableFuture()).isCompleted();
        assertThat(bob.listener().rejected()).containsExactly(
                new RecordingListener.Rejected(0, alice.id(), "frame-too-large"));
        assertThat(bob.listener().frames()).singleElement().satisfies(f -> assertThat(f.bytes()).hasSize(100));
        assertThat(alice.transport().isConnected(bob.id())).isTrue();
        assertThat(sim.network.stats().dropped(DropReason.OVERSIZE)).isEqualTo(1);
    }

    @Test
    void aFrameOverTheSendersMaxFrameBytesFailsAtSendAndNeverLeaves() throws Exception {
        Peer alice = sim.peer(1, 100);
        Peer bob = sim.peer(2);
        alice.learn(bob);

        CompletionStage<Void> big = alice.transport().send(bob.id(), FrameChannel.ENVELOPE, new byte[101]);
        sim.run(Duration.ofMillis(100));

        assertThat(failureOf(big)).isInstanceOf(TransportException.class).hasMessageContaining("exceeds maxFrameBytes");
        assertThat(bob.listener().heardAnything()).isFalse();
        assertThat(sim.network.stats().sessionsOpened()).isZero();
    }

    @Test
    void anErrorThrownByAListenerIsReportedAsFatalBeforeItEndsTheRun() throws Exception {
        Peer alice = sim.peer(1);
        StackOverflowError error = new StackOverflowError("thrown by the test's listener");
        java.util.List<Throwable> fatal = new java.util.ArrayList<>();
        var bob = TestNodes.bind(sim.network.transportProvider(), TestNodes.node(2), new TransportListener() {
            @Override
            public void onFrame(NodeId peer, FrameChannel channel, byte[] frame) {
                throw error;
            }

            @Override
            public void onConnected(NodeId peer, TransportAddress remote) {
            }

            @Override
            public void onDisconnected(NodeId peer, String reason) {
            }

            @Override
            public void onFatalError(Throwable reported) {
                fatal.add(reported);
            }
        });
        alice.transport().addPeerAddresses(TestNodes.node(2), bob.localAddresses());

        alice.transport().send(TestNodes.node(2), FrameChannel.ENVELOPE, "boom".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> sim.run(Duration.ofMillis(100))).isSameAs(error);
        assertThat(fatal).containsExactly(error);
    }

    @Test
    void aCleanCloseNotifiesPeersAfterTheLatency() throws Exception {
        sim.network.defaultLink(LinkModel.withLatency(40));
        Peer[] pair = sim.connectedPair(1, 2);
        Peer alice = pair[0];
        Peer bob = pair[1];
        long closedAt = sim.elapsed();

        alice.transport().close();
        alice.transport().close();
        sim.run(Duration.ofSeconds(1));

        assertThat(bob.listener().disconnected()).containsExactly(
                new RecordingListener.Disconnected(closedAt + 40, alice.id(), "closed by peer"));
        assertThat(alice.listener().disconnected()).isEmpty();
        assertThat(failureOf(alice.send(bob, "after close"))).hasMessageContaining("closed");

        CompletionStage<Void> again = bob.transport().connect(alice.id());
        sim.run(Duration.ofSeconds(1));
        assertThat(failureOf(again)).hasMessageContaining("nothing listens");
    }

    @Test
    void disconnectEndsTheSessionOnBothSidesAndConnectWorksAgain() throws Exception {
        sim.network.defaultLink(LinkModel.withLatency(5));
        Peer[] pair = sim.connectedPair(1, 2);
        Peer alice = pair[0];
        Peer bob = pair[1];
        long at = sim.elapsed();

        alice.transport().disconnect(bob.id());
        assertThat(alice.listener().disconnected()).isEmpty();
        sim.run(Duration.ofMillis(100));

        assertThat(alice.listener().disconnected()).containsExactly(
                new RecordingListener.Disconnected(at, bob.id(), "disconnected locally"));
        assertThat(bob.listener().disconnected()).containsExactly(
                new RecordingListener.Disconnected(at + 5, alice.id(), "closed by peer"));

        CompletableFuture<Void> up = bob.transport().connect(alice.id()).toCompletableFuture();
        sim.run(Duration.ofMillis(100));
        assertThat(up).isCompleted();
        assertThat(alice.transport().connectedPeers()).containsExactly(bob.id());
    }

    @Test
    void simultaneousConnectsSettleOnOneSession() throws Exception {
        sim.network.defaultLink(LinkModel.withLatency(20));
        Peer alice = sim.peer(1);
        Peer bob = sim.peer(2);
        alice.learn(bob);
        bob.learn(alice);

        CompletableFuture<Void> fromAlice = alice.transport().connect(bob.id()).toCompletableFuture();
        CompletableFuture<Void> fromBob = bob.transport().connect(alice.id()).toCompletableFuture();
        sim.run(Duration.ofSeconds(10));

        assertThat(fromAlice).isCompleted();
        assertThat(fromBob).isCompleted();
        assertThat(alice.listener().connected()).hasSize(1);
        assertThat(bob.listener().connected()).hasSize(1);
        assertThat(alice.listener().disconnected()).isEmpty();
        assertThat(bob.listener().disconnected()).isEmpty();
        assertThat(sim.network.stats().sessionsOpened()).isEqualTo(1);

        alice.send(bob, "a");
        bob.send(alice, "b");
        sim.run(Duration.ofSeconds(1));
        assertThat(bob.received()).containsExactly("a");
        assertThat(alice.received()).containsExactly("b");
    }

    @Test
    void connectFailsAfterTheConnectTimeoutWhenThePeerIsPartitionedAway() throws Exception {
        sim.network.connectTimeout(Duration.ofMillis(700));
        Peer alice = sim.peer(1);
        Peer bob = sim.peer(2);
        alice.learn(bob);
        sim.network.partition(Set.of(alice.id()), Set.of(bob.id()));

        CompletionStage<Void> up = alice.transport().connect(bob.id());
        sim.run(Duration.ofMillis(699));
        assertThat(up.toCompletableFuture()).isNotDone();
        sim.run(Duration.ofMillis(1));
        assertThat(failureOf(up)).isInstanceOf(TransportException.class).hasMessageContaining("within 700 ms");
        assertThat(bob.listener().heardAnything()).isFalse();

        sim.network.heal();
        CompletionStage<Void> retry = alice.transport().connect(bob.id());
        sim.run(Duration.ofMillis(10));
        assertThat(retry.toCompletableFuture()).isCompleted();
    }

    @Test
    void aPartitionDropsFramesAndHealingRestoresTheSurvivingSession() throws Exception {
        Peer[] pair = sim.connectedPair(1, 2);
        Peer alice = pair[0];
        Peer bob = pair[1];

        sim.network.partition(List.of(alice.id()), List.of(bob.id()));
        assertThat(sim.network.isPartitioned(bob.id(), alice.id())).isTrue();
        alice.send(bob, "during");
        sim.run(Duration.ofSeconds(2));
        assertThat(bob.received()).isEmpty();
        assertThat(sim.network.stats().dropped(DropReason.PARTITION)).isEqualTo(1);

        sim.network.heal();
        alice.send(bob, "after");
        sim.run(Duration.ofSeconds(10));
        assertThat(bob.received()).containsExactly("after");
        assertThat(alice.listener().disconnected()).isEmpty();
        assertThat(bob.listener().disconnected()).isEmpty();
    }

    @Test
    void aPartitionLongerThanTheSessionTimeoutEndsTheSessionOnBothSides() throws Exception {
        Peer[] pair = sim.connectedPair(1, 2);
        Peer alice = pair[0];
        Peer bob = pair[1];
        long cutAt = sim.elapsed();

        sim.network.partition(List.of(alice.id()), List.of(bob.id()));
        sim.run(Duration.ofMillis(4999));
        assertThat(alice.transport().isConnected(bob.id())).isTrue();
        sim.run(Duration.ofMillis(1));

        assertThat(alice.listener().disconnected()).singleElement().satisfies(d -> {
            assertThat(d.atMillis()).isEqualTo(cutAt + 5000);
            assertThat(d.reason()).contains("idle timeout");
        });
        assertThat(bob.listener().disconnected()).singleElement()
                .satisfies(d -> assertThat(d.atMillis()).isEqualTo(cutAt + 5000));

        sim.network.heal();
        CompletionStage<Void> again = alice.transport().connect(bob.id());
        sim.run(Duration.ofSeconds(1));
        assertThat(again.toCompletableFuture()).isCompleted();
    }

    @Test
    void aSessionDroppedLocallyDuringAPartitionCanBeReopenedAfterTheHeal() throws Exception {
        Peer[] pair = sim.connectedPair(1, 2);
        Peer alice = pair[0];
        Peer bob = pair[1];
        sim.network.partition(List.of(alice.id()), List.of(bob.id()));
        sim.run(Duration.ofSeconds(1));
        alice.transport().disconnect(bob.id());
        for (int i = 0; i < 5; i++) {
            CompletionStage<Void> during = alice.transport().connect(bob.id());
            sim.run(Duration.ofSeconds(2));
            assertThat(during.toCompletableFuture()).isCompletedExceptionally();
        }

        sim.network.heal();
        CompletionStage<Void> again = alice.transport().connect(bob.id());
        sim.run(Duration.ofSeconds(1));
        assertThat(again.toCompletableFuture()).isCompleted();
        assertThat(again.toCompletableFuture()).isNotCompletedExceptionally();
    }

    @Test
    void aCrashedPeerIsReportedAfterTheSessionTimeoutAndCanRestart() throws Exception {
        sim.network.sessionTimeout(Duration.ofSeconds(3));
        Peer[] pair = sim.connectedPair(1, 2);
        Peer alice = pair[0];
        Peer bob = pair[1];
        long crashAt = sim.elapsed();

        assertThat(sim.network.crash(bob.id())).isTrue();
        assertThat(sim.network.crash(bob.id())).isFalse();
        alice.send(bob, "into the void");
        sim.run(Duration.ofSeconds(10));

        assertThat(alice.listener().disconnected()).containsExactly(new RecordingListener.Disconnected(
                crashAt + 3000, bob.id(), "idle timeout: no answer from the peer for 3000 ms"));
        // a crashed node hears nothing more: only the connect from before the crash is on record
        assertThat(bob.listener().connected()).hasSize(1);
        assertThat(bob.listener().frames()).isEmpty();
        assertThat(bob.listener().disconnected()).isEmpty();
        assertThat(sim.network.stats().dropped(DropReason.CRASHED)).isEqualTo(1);

        CompletionStage<Void> toCrashed = alice.transport().connect(bob.id());
        sim.run(Duration.ofSeconds(2));
        assertThat(failureOf(toCrashed)).hasMessageContaining("no answer");

        RecordingListener reborn = new RecordingListener(sim::elapsed);
        TestNodes.bind(sim.network.transportProvider(), bob.id(), reborn);
        alice.send(bob, "welcome back");
        sim.run(Duration.ofSeconds(1));
        assertThat(reborn.frames()).hasSize(1);
        assertThat(reborn.connected()).extracting(RecordingListener.Connected::peer).containsExactly(alice.id());
    }
}
