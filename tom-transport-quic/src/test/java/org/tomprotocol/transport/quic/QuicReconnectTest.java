package org.tomprotocol.transport.quic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tomprotocol.transport.quic.QuicSessionTest.await;
import static org.tomprotocol.transport.quic.QuicSessionTest.bytes;
import static org.tomprotocol.transport.quic.QuicSessionTest.text;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tomprotocol.spi.crypto.LocalIdentity;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.transport.quic.TestNodes.Node;

/** A peer that goes away and comes back on the same port with the same identity is reached again. */
class QuicReconnectTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Map<String, String> FAST_ZOMBIE_DETECTION = Map.of(QuicOptions.ACK_TIMEOUT, "1000");

    @RegisterExtension
    final TestNodes nodes = new TestNodes();

    @Test
    void reachesAPeerThatClosedAndRestartedOnTheSamePort() throws Exception {
        Node alice = nodes.start();
        LocalIdentity bobIdentity = JdkTestCrypto.newIdentity();
        Node bob = nodes.start(bobIdentity, "127.0.0.1:0", TestNodes.ONE_MIB, Map.of());
        TestNodes.introduce(alice, bob);
        await(alice.transport().send(bob.id(), FrameChannel.ENVELOPE, bytes("before")));
        assertThat(text(bob.listener().nextFrame(WAIT).payload())).isEqualTo("before");

        bob.transport().close();
        assertThat(alice.listener().await("disconnected", WAIT).peer()).isEqualTo(bob.id());
        Node bobAgain = nodes.start(bobIdentity, bob.address().address(), TestNodes.ONE_MIB, Map.of());

        await(alice.transport().send(bob.id(), FrameChannel.ENVELOPE, bytes("after")));
        assertThat(text(bobAgain.listener().nextFrame(WAIT).payload())).isEqualTo("after");
        assertThat(alice.listener().count("connected")).isEqualTo(2);
        assertThat(alice.transport().openConnections(bob.id())).isEqualTo(1);
    }

    @Test
    void evictsTheZombieConnectionOfACrashedPeerAndResendsTheFrame() throws Exception {
        Node alice = nodes.start(FAST_ZOMBIE_DETECTION);
        LocalIdentity bobIdentity = JdkTestCrypto.newIdentity();
        Node bob = nodes.start(bobIdentity, "127.0.0.1:0", TestNodes.ONE_MIB, Map.of());
        TestNodes.introduce(alice, bob);
        await(alice.transport().send(bob.id(), FrameChannel.ENVELOPE, bytes("before")));
        assertThat(text(bob.listener().nextFrame(WAIT).payload())).isEqualTo("before");

        crash(bob); // no CONNECTION_CLOSE reaches Alice: her connection is now a zombie
        Node bobAgain = nodes.start(bobIdentity, bob.address().address(), TestNodes.ONE_MIB, Map.of());
        CompletableFuture<Void> sent = alice.transport().send(bob.id(), FrameChannel.ENVELOPE, bytes("after"))
                .toCompletableFuture();

        assertThat(alice.listener().await("disconnected", WAIT).detail()).contains("no packet from the peer");
        sent.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(text(bobAgain.listener().nextFrame(WAIT).payload())).isEqualTo("after");
        assertThat(bobAgain.listener().frames).isEmpty();
        assertThat(alice.listener().count("connected")).isEqualTo(2);
    }

    @Test
    void aNewConnectionFromARestartedPeerReplacesTheOldSession() throws Exception {
        Node alice = nodes.start();
        LocalIdentity bobIdentity = JdkTestCrypto.newIdentity();
        Node bob = nodes.start(bobIdentity, "127.0.0.1:0", TestNodes.ONE_MIB, Map.of());
        TestNodes.introduce(alice, bob);
        await(alice.transport().connect(bob.id()));
        alice.listener().await("connected", WAIT);

        crash(bob);
        Node bobAgain = nodes.start(bobIdentity, "127.0.0.1:0", TestNodes.ONE_MIB, Map.of());
        TestNodes.introduce(bobAgain, alice);
        await(bobAgain.transport().connect(alice.id()));

        assertThat(alice.listener().await("disconnected", WAIT).detail()).isEqualTo("peer restarted");
        assertThat(alice.listener().await("connected", WAIT).detail()).isEqualTo(bobAgain.address().toString());
        assertThat(alice.transport().openConnections(bob.id())).isEqualTo(1);
        await(alice.transport().send(bob.id(), FrameChannel.ENVELOPE, bytes("hi again")));
        assertThat(text(bobAgain.listener().nextFrame(WAIT).payload())).isEqualTo("hi again");
    }

    @Test
    void reconnectsToTheSamePeerAfterADisconnect() throws Exception {
        Node alice = nodes.start();
        Node bob = nodes.start();
        TestNodes.introduce(alice, bob);
        await(alice.transport().send(bob.id(), FrameChannel.ENVELOPE, bytes("one")));
        assertThat(text(bob.listener().nextFrame(WAIT).payload())).isEqualTo("one");

        alice.transport().disconnect(bob.id());
        assertThat(alice.listener().await("disconnected", WAIT).detail()).isEqualTo("disconnect requested");
        assertThat(bob.listener().await("disconnected", WAIT).detail()).contains("disconnect requested");

        // The second handshake may resume the TLS session: the peer must still be authenticated.
        await(alice.transport().send(bob.id(), FrameChannel.ENVELOPE, bytes("two")));
        assertThat(text(bob.listener().nextFrame(WAIT).payload())).isEqualTo("two");
        await(bob.transport().send(alice.id(), FrameChannel.ENVELOPE, bytes("three")));
        assertThat(text(alice.listener().nextFrame(WAIT).payload())).isEqualTo("three");
        assertThat(alice.listener().count("connected")).isEqualTo(2);
        assertThat(bob.listener().count("connected")).isEqualTo(2);
        assertThat(bob.listener().count("rejected")).isZero();
    }

    /** Closes the node's UDP socket under its connections: nothing is said to peers, as in a crash. */
    private static void crash(Node node) throws InterruptedException {
        node.transport().onLoop(() -> node.transport().socket().close()).await(5, TimeUnit.SECONDS);
        assertThat(node.transport().socket().isOpen()).isFalse();
    }
}
