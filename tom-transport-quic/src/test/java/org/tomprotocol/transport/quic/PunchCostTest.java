package org.tomprotocol.transport.quic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.transport.quic.TestNodes.Node;

/**
 * Attack 5 of issue 12, transport side: introductions naming an address the attacker chose made the node probe it
 * for two seconds and dial it (1200-byte Initials) for about a minute. The "target" here is a UDP socket the test
 * binds and counts; the candidate is unverified, as the relay's observation in an introduction is.
 */
class PunchCostTest {
    private static final System.Logger LOG = System.getLogger(PunchCostTest.class.getName());
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** About what a Rendezvous frame (an introduction) costs the attacker who has it sent. */
    private static final int RENDEZVOUS_BYTES = 300;

    @RegisterExtension
    final TestNodes nodes = new TestNodes();

    @Test
    void anUnverifiedCandidateGetsAFewProbesPerAttemptAndNeverAQuicInitial() throws Exception {
        Node victim = nodes.start();
        NodeId introduced = JdkTestCrypto.newIdentity().id();
        try (Target target = new Target()) {
            // twenty introductions in a row, as an attacker relaying for a peer could have sent
            List<CompletableFuture<Void>> attempts = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                attempts.add(victim.transport().connectDirect(introduced, List.of(target.address()))
                        .toCompletableFuture());
            }
            for (CompletableFuture<Void> attempt : attempts) {
                assertThatThrownBy(() -> attempt.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                        .hasMessageContaining("no direct path");
            }
            // nor is the candidate a place to dial the peer at later
            assertThatThrownBy(() -> victim.transport().send(introduced, FrameChannel.ENVELOPE, new byte[10])
                    .toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .hasMessageContaining("no quic address known");

            Target.Tally tally = target.drain(Duration.ofSeconds(1));
            assertThat(tally.quicPackets()).isZero();
            assertThat(tally.datagrams()).isEqualTo(PunchTiming.PROBES_PER_CANDIDATE);
            assertThat(tally.bytes()).isEqualTo(PunchTiming.PROBES_PER_CANDIDATE * PunchProbe.LENGTH);
            double perIntroduction = (double) tally.bytes() / (20 * RENDEZVOUS_BYTES);
            double perAttempt = (double) tally.bytes() / RENDEZVOUS_BYTES;
            LOG.log(System.Logger.Level.INFO, String.format("punch amplification: %d bytes to the target for 20 "
                    + "introductions: %.2fx per introduction, %.2fx for a single one", tally.bytes(), perIntroduction,
                    perAttempt));
            assertThat(perAttempt).isLessThanOrEqualTo(3.0);
        }
    }

    @Test
    void attemptsTowardsManyPeersAreBoundedInNumberAndProbeBytes() throws Exception {
        Node victim = nodes.start(Map.of(PunchTiming.MAX_PUNCHES, "4"));
        try (Target target = new Target()) {
            List<CompletableFuture<Void>> attempts = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                attempts.add(victim.transport().connectDirect(JdkTestCrypto.newIdentity().id(),
                        List.of(target.address())).toCompletableFuture());
            }

            long refused = attempts.stream().filter(attempt -> awaitFailure(attempt).contains(PunchTiming.MAX_PUNCHES))
                    .count();
            assertThat(refused).isEqualTo(46);
            Target.Tally tally = target.drain(Duration.ofSeconds(1));
            assertThat(tally.quicPackets()).isZero();
            assertThat(tally.datagrams()).isLessThanOrEqualTo(4 * PunchTiming.PROBES_PER_CANDIDATE);
        }
    }

    @Test
    void blindDialsToAddressesThePeerClaimsStayWithinThePunchBudget() throws Exception {
        // a budget below one blind dial: the probes go, the dials (1200-byte Initials) do not
        Node victim = nodes.start(Map.of(PunchTiming.BYTES_PER_SECOND, String.valueOf(PunchTiming.BLIND_DIAL_BYTES - 1),
                PunchTiming.BLIND_DIAL, "100"));
        NodeId hostile = idAbove(victim.id()); // the victim is the side that dials
        List<Target> targets = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                targets.add(new Target());
            }
            List<TransportAddress> claimed = targets.stream().map(Target::address).toList();
            victim.transport().addPeerAddresses(hostile, claimed); // its signed announce names them

            assertThatThrownBy(() -> victim.transport().connectDirect(hostile, claimed).toCompletableFuture()
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS)).hasMessageContaining("no direct path");

            for (Target target : targets) {
                Target.Tally tally = target.drain(Duration.ofMillis(300));
                assertThat(tally.quicPackets()).isZero();
                assertThat(tally.datagrams()).isEqualTo(PunchTiming.PROBES_PER_CANDIDATE);
            }
            assertThat(victim.transport().load().punchSendsRefused()).isPositive();
        } finally {
            targets.forEach(Target::close);
        }
    }

    private static NodeId idAbove(NodeId id) {
        while (true) {
            NodeId candidate = JdkTestCrypto.newIdentity().id();
            if (candidate.compareTo(id) > 0) {
                return candidate;
            }
        }
    }

    @Test
    void aPunchStillSucceedsWhenBothPeersAlwaysAskForARetry() throws Exception {
        Map<String, String> retryAlways = Map.of(QuicLimits.RETRY_ABOVE_HALF_OPEN, "0");
        Node alice = nodes.start(retryAlways);
        Node bob = nodes.start(retryAlways);

        CompletableFuture<Void> fromAlice = alice.transport().connectDirect(bob.id(), List.of(bob.address()))
                .toCompletableFuture();
        CompletableFuture<Void> fromBob = bob.transport().connectDirect(alice.id(), List.of(alice.address()))
                .toCompletableFuture();

        fromAlice.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        fromBob.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        QuicSessionTest.await(alice.transport().send(bob.id(), FrameChannel.ENVELOPE, QuicSessionTest.bytes("direct")));
        assertThat(QuicSessionTest.text(bob.listener().nextFrame(WAIT).payload())).isEqualTo("direct");
        Node dialled = alice.id().compareTo(bob.id()) < 0 ? bob : alice;
        assertThat(dialled.transport().load().retriesSent()).isPositive();
    }

    private static String awaitFailure(CompletableFuture<Void> attempt) {
        try {
            attempt.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            return "succeeded";
        } catch (Exception e) {
            return String.valueOf(e.getMessage());
        }
    }

    /** A UDP socket standing for the address an attacker points the node at; it counts what arrives. */
    private static final class Target implements AutoCloseable {
        record Tally(int datagrams, int bytes, int quicPackets) {
        }

        private final DatagramSocket socket;

        Target() throws Exception {
            socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        }

        TransportAddress address() {
            return new TransportAddress("quic", "127.0.0.1:" + socket.getLocalPort());
        }

        /** Everything that arrived, reading until nothing came for {@code quiet}. */
        Tally drain(Duration quiet) throws Exception {
            socket.setSoTimeout((int) quiet.toMillis());
            int datagrams = 0;
            int bytes = 0;
            int quic = 0;
            byte[] buffer = new byte[2048];
            while (true) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                } catch (SocketTimeoutException quietNow) {
                    return new Tally(datagrams, bytes, quic);
                }
                datagrams++;
                bytes += packet.getLength();
                quic += (buffer[0] & 0x40) != 0 ? 1 : 0; // QUIC's fixed bit; probes have it clear
            }
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
