package org.tomprotocol.transport.quic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.crypto.LocalIdentity;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.spi.transport.TransportException;
import org.tomprotocol.transport.quic.TestNodes.Node;

/** Sessions between real transports on loopback. */
class QuicSessionTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    final TestNodes nodes = new TestNodes();

    @Test
    void exchangesFramesBothWaysOnOneConnection() throws Exception {
        Node alice = nodes.start();
        Node bob = nodes.start();
        TestNodes.introduce(alice, bob);

        await(alice.transport().send(bob.id(), FrameChannel.ENVELOPE, bytes("hello bob")));
        RecordingListener.Frame atBob = bob.listener().nextFrame(WAIT);
        assertThat(atBob.peer()).isEqualTo(alice.id());
        assertThat(atBob.channel()).isEqualTo(FrameChannel.ENVELOPE);
        assertThat(text(atBob.payload())).isEqualTo("hello bob");

        // Bob was never told Alice's address: the reply uses the connection Alice opened.
        await(bob.transport().send(alice.id(), FrameChannel.DISCOVERY, bytes("hello alice")));
        RecordingListener.Frame atAlice = alice.listener().nextFrame(WAIT);
        assertThat(atAlice.peer()).isEqualTo(bob.id());
        assertThat(atAlice.channel()).isEqualTo(FrameChannel.DISCOVERY);
        assertThat(text(atAlice.payload())).isEqualTo("hello alice");

        assertThat(alice.transport().openConnections(bob.id())).isEqualTo(1);
        assertThat(bob.transport().openConnections(alice.id())).isEqualTo(1);
        assertThat(alice.transport().isConnected(bob.id())).isTrue();
        assertThat(bob.transport().connectedPeers()).containsExactly(alice.id());
        assertThat(alice.listener().count("connected")).isEqualTo(1);
        assertThat(bob.listener().count("connected")).isEqualTo(1);
        // Control frames (observed addresses) never reach the listener.
        assertThat(alice.listener().frames).isEmpty();
        assertThat(bob.listener().frames).isEmpty();
    }

    @Test
    void dialsFromTheListeningSocket() throws Exception {
        Node alice = nodes.start();
        Node bob = nodes.start();
        TestNodes.introduce(alice, bob);

        await(alice.transport().connect(bob.id()));

        RecordingListener.Event connected = bob.listener().await("connected", WAIT);
        int alicePort = alice.transport().boundAddress().getPort();
        assertThat(connected.peer()).isEqualTo(alice.id());
        assertThat(connected.detail()).isEqualTo("quic:127.0.0.1:" + alicePort);
    }

    @Test
    void reportsTheAddressEachSideObservesForTheOther() throws Exception {
        Node alice = nodes.start();
        Node bob = nodes.start();
        TestNodes.introduce(alice, bob);

        await(alice.transport().connect(bob.id()));

        TransportAddress aliceSeenByBob = new TransportAddress("quic",
                "127.0.0.1:" + alice.transport().boundAddress().getPort());
        TransportAddress bobSeenByAlice = bob.address();
        TestNodes.eventually(WAIT, "observed addresses exchanged",
                () -> alice.transport().reportedAddresses().contains(aliceSeenByBob)
                        && bob.transport().reportedAddresses().contains(bobSeenByAlice));
        // On loopback the observed address is the bound one: reported, but not added twice.
        assertThat(alice.transport().localAddresses()).containsOnlyOnce(aliceSeenByBob);
        assertThat(alice.transport().localAddresses()).doesNotHaveDuplicates();
    }

    @Test
    void wildcardBindReportsConcreteAddressesWithTheRealPort() throws Exception {
        Node node = nodes.start(JdkTestCrypto.newIdentity(), "0.0.0.0:0", TestNodes.ONE_MIB, Map.of());

        int port = node.transport().boundAddress().getPort();
        assertThat(port).isPositive();
        assertThat(node.transport().localAddresses())
                .contains(new TransportAddress("quic", "127.0.0.1:" + port))
                .allSatisfy(address -> assertThat(address.address()).endsWith(":" + port)
                        .doesNotStartWith("0.0.0.0"));
    }

    @Test
    void worksOverIpv6() throws Exception {
        Node alice = nodes.start(JdkTestCrypto.newIdentity(), "[::1]:0", TestNodes.ONE_MIB, Map.of());
        Node bob = nodes.start(JdkTestCrypto.newIdentity(), "[::1]:0", TestNodes.ONE_MIB, Map.of());
        TransportAddress bobAddress = new TransportAddress("quic", "[::1]:" + bob.transport().boundAddress().getPort());
        assertThat(bob.transport().localAddresses()).containsExactly(bobAddress);
        alice.transport().addPeerAddresses(bob.id(), List.of(bobAddress));

        await(alice.transport().send(bob.id(), FrameChannel.ENVELOPE, bytes("over v6")));

        assertThat(text(bob.listener().nextFrame(WAIT).payload())).isEqualTo("over v6");
        assertThat(bob.listener().await("connected", WAIT).detail())
                .isEqualTo("quic:[::1]:" + alice.transport().boundAddress().getPort());
    }

    @Test
    void dialRejectsAPeerWithAnotherIdentity() throws Exception {
        Node alice = nodes.start();
        Node bob = nodes.start();
        NodeId expected = JdkTestCrypto.newIdentity().id(); // Alice thinks this node listens at Bob's address
        alice.transport().addPeerAddresses(expected, List.of(bob.address()));

        CompletableFuture<Void> connecting = alice.transport().connect(expected).toCompletableFuture();

        assertThatThrownBy(() -> connecting.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TransportException.class);
        assertThat(alice.listener().await("rejected", WAIT).detail()).isEqualTo("identity-mismatch");
        assertThat(bob.listener().await("rejected", WAIT).detail()).isEqualTo("handshake-failed");
        assertThat(alice.listener().count("connected")).isZero();
        assertThat(bob.listener().count("connected")).isZero();
        assertThat(alice.transport().connectedPeers()).isEmpty();
        assertThat(bob.transport().connectedPeers()).isEmpty();
        alice.transport().disconnect(expected); // stop the retries
    }

    @Test
    void oversizeFrameIsRefusedAndTheConnectionStaysUsable() throws Exception {
        Node alice = nodes.start(JdkTestCrypto.newIdentity(), "127.0.0.1:0", 8 * TestNodes.ONE_MIB, Map.of());
        Node bob = nodes.start(JdkTestCrypto.newIdentity(), "127.0.0.1:0", 1024, Map.of());
        TestNodes.introduce(alice, bob);
        await(alice.transport().connect(bob.id()));

        CompletableFuture<Void> small = alice.transport().send(bob.id(), FrameChannel.ENVELOPE, new byte[2048])
                .toCompletableFuture();
        CompletableFuture<Void> huge = alice.transport()
                .send(bob.id(), FrameChannel.ENVELOPE, new byte[4 * TestNodes.ONE_MIB]).toCompletableFuture();

        assertThatThrownBy(() -> small.get(10, TimeUnit.SECONDS)).hasMessageContaining("frame-too-large");
        assertThatThrownBy(() -> huge.get(10, TimeUnit.SECONDS)).hasMessageContaining("frame-too-large");
        assertThat(bob.listener().await("rejected", WAIT))
                .isEqualTo(new RecordingListener.Event("rejected", alice.id(), "frame-too-large"));
        await(alice.transport().send(bob.id(), FrameChannel.ENVELOPE, bytes("still fine")));
        assertThat(text(bob.listener().nextFrame(WAIT).payload())).isEqualTo("still fine");
        assertThat(alice.transport().openConnections(bob.id())).isEqualTo(1);
        assertThat(bob.listener().count("disconnected")).isZero();
    }

    @Test
    void sendRefusesWhatCannotBeSent() throws Exception {
        Node alice = nodes.start();
        NodeId stranger = JdkTestCrypto.newIdentity().id();

        assertThatThrownBy(() -> alice.transport().send(stranger, FrameChannel.ENVELOPE, bytes("x"))
                .toCompletableFuture().get(10, TimeUnit.SECONDS)).hasMessageContaining("no quic address known");
        assertThatThrownBy(() -> alice.transport().send(stranger, FrameChannel.ENVELOPE,
                new byte[TestNodes.ONE_MIB + 1]).toCompletableFuture().get()).hasMessageContaining("exceeds");
        assertThatThrownBy(() -> alice.transport().send(stranger, FrameChannel.CONTROL, bytes("x"))
                .toCompletableFuture().get()).hasMessageContaining("CONTROL");
        assertThatThrownBy(() -> alice.transport().connect(stranger).toCompletableFuture()
                .get(10, TimeUnit.SECONDS)).hasMessageContaining("no quic address known");
    }

    @Test
    void aFullSendQueueRefusesMoreFrames() throws Exception {
        Node alice = nodes.start(Map.of(QuicOptions.MAX_QUEUED_FRAMES, "2"));
        NodeId absent = JdkTestCrypto.newIdentity().id();
        alice.transport().addPeerAddresses(absent, List.of(new TransportAddress("quic", "127.0.0.1:9")));

        CompletableFuture<Void> first = alice.transport().send(absent, FrameChannel.ENVELOPE, bytes("1"))
                .toCompletableFuture();
        CompletableFuture<Void> second = alice.transport().send(absent, FrameChannel.ENVELOPE, bytes("2"))
                .toCompletableFuture();
        CompletableFuture<Void> third = alice.transport().send(absent, FrameChannel.ENVELOPE, bytes("3"))
                .toCompletableFuture();

        assertThatThrownBy(() -> third.get(10, TimeUnit.SECONDS)).hasMessageContaining("send queue")
                .hasMessageContaining("is full");
        assertThat(first).isNotDone();
        assertThat(second).isNotDone();
        alice.transport().disconnect(absent);
    }

    @Test
    void disconnectFailsWaitingFramesAndStopsDialling() throws Exception {
        Node alice = nodes.start();
        NodeId absent = JdkTestCrypto.newIdentity().id();
        // Nothing listens there: the dial fails and is retried with backoff while the frame waits.
        alice.transport().addPeerAddresses(absent, List.of(new TransportAddress("quic", "127.0.0.1:9")));
        CompletableFuture<Void> waiting = alice.transport().send(absent, FrameChannel.ENVELOPE, bytes("x"))
                .toCompletableFuture();
        assertThat(waiting).isNotDone();

        alice.transport().disconnect(absent);

        assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS)).hasMessageContaining("disconnected");
    }

    @Test
    void simultaneousDialsConvergeOnOneConnectionWithoutLosingFrames() throws Exception {
        Node alice = nodes.start();
        Node bob = nodes.start();
        TestNodes.introduce(alice, bob);
        TestNodes.introduce(bob, alice);

        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            sent.add(alice.transport().send(bob.id(), FrameChannel.ENVELOPE, bytes("a" + i)).toCompletableFuture());
            sent.add(bob.transport().send(alice.id(), FrameChannel.ENVELOPE, bytes("b" + i)).toCompletableFuture());
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);

        assertThat(receivedTexts(bob, 200)).hasSize(200).allMatch(t -> t.startsWith("a"));
        assertThat(receivedTexts(alice, 200)).hasSize(200).allMatch(t -> t.startsWith("b"));
        TestNodes.eventually(WAIT, "one connection left on each side",
                () -> alice.transport().openConnections(bob.id()) == 1
                        && bob.transport().openConnections(alice.id()) == 1);
        assertThat(alice.listener().count("connected")).isEqualTo(1);
        assertThat(bob.listener().count("connected")).isEqualTo(1);
        assertThat(alice.listener().count("disconnected")).isZero();
        assertThat(bob.listener().count("disconnected")).isZero();
        await(alice.transport().send(bob.id(), FrameChannel.ENVELOPE, bytes("after")));
        assertThat(text(bob.listener().nextFrame(WAIT).payload())).isEqualTo("after");
        assertThat(bob.listener().frames).isEmpty();
    }

    @Test
    void rawDatagramsLeaveFromTheListeningPortAndReachTheRawHandler() throws Exception {
        Node alice = nodes.start();
        Node bob = nodes.start();
        CompletableFuture<String> probe = new CompletableFuture<>();
        bob.transport().onRawDatagram((sender, content) ->
                probe.complete(sender.getPort() + ":" + ByteBufUtil.hexDump(content)));

        await(alice.transport().sendRawDatagram(bob.transport().boundAddress(),
                Unpooled.wrappedBuffer(new byte[] {0x00, 0x70, 0x75, 0x6e, 0x63, 0x68})));

        assertThat(probe.get(10, TimeUnit.SECONDS))
                .isEqualTo(alice.transport().boundAddress().getPort() + ":0070756e6368");
        assertThatThrownBy(() -> alice.transport().sendRawDatagram(bob.transport().boundAddress(),
                Unpooled.wrappedBuffer(new byte[] {0x40})).toCompletableFuture().get())
                .hasMessageContaining("bit 0x40");
    }

    @Test
    void queuedFramesAreDeliveredOnceThePeerComesUp() throws Exception {
        Node alice = nodes.start(Map.of(QuicOptions.BACKOFF_INITIAL, "100", QuicOptions.HANDSHAKE_TIMEOUT, "300"));
        LocalIdentity bobIdentity = JdkTestCrypto.newIdentity();
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort(); // free now, and nobody listens there yet
        }
        alice.transport().addPeerAddresses(bobIdentity.id(),
                List.of(new TransportAddress("quic", "127.0.0.1:" + port)));
        CompletableFuture<Void> waiting = alice.transport()
                .send(bobIdentity.id(), FrameChannel.ENVELOPE, bytes("waited")).toCompletableFuture();
        CompletableFuture<Void> connecting = alice.transport().connect(bobIdentity.id()).toCompletableFuture();
        assertThatThrownBy(() -> connecting.get(10, TimeUnit.SECONDS)).hasMessageContaining("cannot reach peer");
        assertThat(waiting).isNotDone();

        Node bob = nodes.start(bobIdentity, "127.0.0.1:" + port, TestNodes.ONE_MIB, Map.of());

        waiting.get(10, TimeUnit.SECONDS);
        assertThat(text(bob.listener().nextFrame(WAIT).payload())).isEqualTo("waited");
    }

    @Test
    void keepAlivesHoldASessionOpenPastTheIdleTimeout() throws Exception {
        Map<String, String> shortIdle = Map.of(QuicOptions.IDLE_TIMEOUT, "1500", QuicOptions.KEEPALIVE, "400");
        Node alice = nodes.start(shortIdle);
        Node bob = nodes.start(shortIdle);
        TestNodes.introduce(alice, bob);
        await(alice.transport().connect(bob.id()));
        alice.listener().await("connected", WAIT);
        bob.listener().await("connected", WAIT);

        // Four idle timeouts pass without a frame from the test; a timed-out session would report it.
        RecordingListener.Event duringIdle = alice.listener().events.poll(6, TimeUnit.SECONDS);

        assertThat(duringIdle).isNull();
        assertThat(bob.listener().count("disconnected")).isZero();
        assertThat(alice.transport().openConnections(bob.id())).isEqualTo(1);
        await(bob.transport().send(alice.id(), FrameChannel.ENVELOPE, bytes("still here")));
        assertThat(text(alice.listener().nextFrame(WAIT).payload())).isEqualTo("still here");
    }

    private static Set<String> receivedTexts(Node node, int count) throws InterruptedException {
        Set<String> texts = new HashSet<>();
        for (int i = 0; i < count; i++) {
            assertThat(texts.add(text(node.listener().nextFrame(WAIT).payload()))).as("no duplicate").isTrue();
        }
        return texts;
    }

    static void await(java.util.concurrent.CompletionStage<Void> stage) throws Exception {
        stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
