package org.tomprotocol.transport.quic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.spi.transport.TransportCapability;
import org.tomprotocol.transport.quic.TestNodes.Node;

/** Hole punching on loopback: probes from the listening socket, one dial by the lower node id, pinned identity. */
class HolePunchingTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Never dial blindly within a test: a session must come from a probe that arrived. */
    private static final Map<String, String> PROBE_DRIVEN = Map.of(PunchTiming.WINDOW, "3000",
            PunchTiming.BLIND_DIAL, "60000");
    private static final Map<String, String> SHORT_WINDOW = Map.of(PunchTiming.WINDOW, "400",
            PunchTiming.BLIND_DIAL, "60000");

    @RegisterExtension
    final TestNodes nodes = new TestNodes();

    @Test
    void bothSidesPunchingOpenOneSessionDialledByTheLowerId() throws Exception {
        Node alice = nodes.start(PROBE_DRIVEN);
        Node bob = nodes.start(PROBE_DRIVEN);
        Node lower = alice.id().compareTo(bob.id()) < 0 ? alice : bob;
        Node higher = lower == alice ? bob : alice;

        CompletableFuture<Void> fromHigher = punch(higher, lower);
        CompletableFuture<Void> fromLower = punch(lower, higher);

        fromLower.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        fromHigher.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(lower.transport().isConnected(higher.id())).isTrue();
        assertThat(higher.transport().isConnected(lower.id())).isTrue();
        assertThat(lower.transport().openConnections(higher.id())).isEqualTo(1);
        assertThat(higher.transport().openConnections(lower.id())).isEqualTo(1);
        assertThat(lower.transport().sessionsDialledByThisNode(higher.id())).isEqualTo(1);
        assertThat(higher.transport().sessionsDialledByThisNode(lower.id())).isZero();

        await(higher.transport().send(lower.id(), FrameChannel.ENVELOPE, bytes("through the hole")));
        assertThat(text(lower.listener().nextFrame(WAIT).payload())).isEqualTo("through the hole");
    }

    @Test
    void theHigherIdAloneNeverDialsAndGivesUpAfterItsWindow() throws Exception {
        Node alice = nodes.start(SHORT_WINDOW);
        Node bob = nodes.start(SHORT_WINDOW);
        Node higher = alice.id().compareTo(bob.id()) > 0 ? alice : bob;
        Node lower = higher == alice ? bob : alice;

        CompletableFuture<Void> attempt = punch(higher, lower);

        assertThatThrownBy(() -> attempt.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasMessageContaining("no direct path");
        assertThat(higher.transport().isConnected(lower.id())).isFalse();
        assertThat(lower.listener().history).noneMatch(event -> event.kind().equals("connected"));
    }

    @Test
    void theLowerIdDialsBlindlyWhenThePeerSendsNoProbe() throws Exception {
        Map<String, String> blind = Map.of(PunchTiming.BLIND_DIAL, "100");
        Node alice = nodes.start(blind);
        Node bob = nodes.start(blind);
        Node lower = alice.id().compareTo(bob.id()) < 0 ? alice : bob;
        Node higher = lower == alice ? bob : alice;
        // as the engine does: the peer's own (signed) addresses are given before the attempt; only those are dialled
        TestNodes.introduce(lower, higher);

        punch(lower, higher).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        TestNodes.eventually(WAIT, "the peer accepted the blind dial",
                () -> higher.transport().isConnected(lower.id()));
        assertThat(lower.transport().sessionsDialledByThisNode(higher.id())).isEqualTo(1);
    }

    @Test
    void aProbeClaimingToBeThePeerFromAnotherNodeLeadsToADialThatThePinnedIdentityRefuses() throws Exception {
        Node alice = nodes.start(PROBE_DRIVEN);
        Node bob = nodes.start(PROBE_DRIVEN);
        Node mallory = nodes.start(PROBE_DRIVEN);
        // Alice must be the one dialling for the forged probe to matter: forge in the right direction.
        Node dialler = alice.id().compareTo(bob.id()) < 0 ? alice : bob;
        Node impersonated = dialler == alice ? bob : alice;
        CompletableFuture<Void> attempt = dialler.transport()
                .connectDirect(impersonated.id(), List.of(new org.tomprotocol.api.TransportAddress("quic",
                        "127.0.0.1:9"))).toCompletableFuture();

        // the probe may overtake the attempt's start on the dialler's loop: forge until the dial was refused
        for (int probe = 0; probe < 10 && dialler.listener().count("rejected", "identity-mismatch") == 0; probe++) {
            await(mallory.transport().sendRawDatagram(loopback(dialler),
                    new PunchProbe(impersonated.id(), dialler.id()).encode(ByteBufAllocator.DEFAULT)));
            awaitQuietly(Duration.ofMillis(300), () -> dialler.listener().count("rejected", "identity-mismatch") > 0);
        }

        assertThatThrownBy(() -> attempt.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        assertThat(dialler.listener().count("rejected", "identity-mismatch")).isPositive();
        assertThat(dialler.transport().isConnected(impersonated.id())).isFalse();
        assertThat(dialler.transport().isConnected(mallory.id())).isFalse();
        assertThat(dialler.transport().connectedPeers()).isEmpty();
    }

    @Test
    void aProbeMeantForAnotherNodeIsIgnored() throws Exception {
        Node alice = nodes.start(SHORT_WINDOW);
        Node bob = nodes.start(SHORT_WINDOW);
        Node carol = nodes.start(SHORT_WINDOW);
        Node dialler = alice.id().compareTo(bob.id()) < 0 ? alice : bob;
        Node peer = dialler == alice ? bob : alice;
        CompletableFuture<Void> attempt = dialler.transport().connectDirect(peer.id(),
                List.of(new org.tomprotocol.api.TransportAddress("quic", "127.0.0.1:9"))).toCompletableFuture();

        for (int probe = 0; probe < 10 && dialler.listener().count("rejected", "probe-misdirected") == 0; probe++) {
            await(peer.transport().sendRawDatagram(loopback(dialler),
                    new PunchProbe(peer.id(), carol.id()).encode(ByteBufAllocator.DEFAULT)));
            awaitQuietly(Duration.ofMillis(300), () -> dialler.listener().count("rejected", "probe-misdirected") > 0);
        }

        assertThatThrownBy(() -> attempt.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        assertThat(dialler.listener().count("rejected", "probe-misdirected")).isPositive();
        assertThat(dialler.transport().connectedPeers()).isEmpty();
    }

    @Test
    void anExistingSessionSatisfiesTheAttemptAtOnce() throws Exception {
        Node alice = nodes.start(SHORT_WINDOW);
        Node bob = nodes.start(SHORT_WINDOW);
        TestNodes.introduce(alice, bob);
        await(alice.transport().connect(bob.id()));

        punch(alice, bob).get(1, TimeUnit.SECONDS);
        punch(bob, alice).get(1, TimeUnit.SECONDS);
        assertThat(alice.transport().openConnections(bob.id())).isEqualTo(1);
    }

    @Test
    void advertisesNatTraversalAndRefusesUnusableCandidates() throws Exception {
        Node alice = nodes.start();
        Node bob = nodes.start();

        assertThat(alice.transport().capabilities()).contains(TransportCapability.NAT_TRAVERSAL);
        assertThatThrownBy(() -> alice.transport().connectDirect(bob.id(),
                List.of(new org.tomprotocol.api.TransportAddress("webrtc", "x"))).toCompletableFuture().get())
                .hasMessageContaining("no usable quic candidate");
    }

    @Test
    void punchingTimingOptionsAreValidated() {
        assertThat(PunchTiming.from(Map.of())).isEqualTo(PunchTiming.DEFAULT);
        assertThat(PunchTiming.from(Map.of(PunchTiming.WINDOW, "900")).windowMillis()).isEqualTo(900);
        assertThatThrownBy(() -> PunchTiming.from(Map.of(PunchTiming.WINDOW, "soon")))
                .hasMessageContaining(PunchTiming.WINDOW);
        assertThatThrownBy(() -> PunchTiming.from(Map.of(PunchTiming.PROBE_INTERVAL, "5000")))
                .hasMessageContaining("must not exceed");
    }

    private static CompletableFuture<Void> punch(Node from, Node to) {
        return from.transport().connectDirect(to.id(), List.of(to.address())).toCompletableFuture();
    }

    /** Polls {@code condition} for up to {@code timeout}; returns either way. */
    private static void awaitQuietly(Duration timeout, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        try {
            TestNodes.eventually(timeout, "condition", condition);
        } catch (AssertionError notYet) {
            // the caller tries again
        }
    }

    private static InetSocketAddress loopback(Node node) {
        return new InetSocketAddress("127.0.0.1", node.transport().boundAddress().getPort());
    }

    private static void await(java.util.concurrent.CompletionStage<Void> stage) throws Exception {
        stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
