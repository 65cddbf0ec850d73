package org.tomprotocol.transport.quic;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tomprotocol.transport.quic.TestNodes.Node;

/**
 * Attack 7 of issue 12: QUIC Initials from many source ports (as from spoofed addresses: the sender never answers),
 * each of which used to leave a half-open connection behind. Real QUIC on loopback; the Initials are raw UDP.
 */
class InitialFloodTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int SOURCES = 8;
    private static final int INITIALS_PER_SOURCE = 400;

    @RegisterExtension
    final TestNodes nodes = new TestNodes();
    private final Random random = new Random(12);

    @Test
    void aFloodOfInitialsLeavesAtMostTheHalfOpenCapAndAnHonestPeerStillConnects() throws Exception {
        // Retry only at the cap, so that the cap itself is what holds
        Node victim = nodes.start(Map.of(QuicLimits.MAX_HALF_OPEN, "40", QuicLimits.RETRY_ABOVE_HALF_OPEN, "40",
                QuicOptions.HANDSHAKE_TIMEOUT, "1000"));

        flood(victim, false);

        TestNodes.eventually(WAIT, "the victim answered past its cap",
                () -> victim.listener().count("shed", "handshake-capacity") > 0);
        QuicTransport.Load load = victim.transport().load();
        assertThat(load.peakHalfOpen()).isEqualTo(40);
        assertThat(load.retriesSent()).isPositive();
        honestPeerConnects(victim);
        TestNodes.eventually(WAIT, "the junk connections timed out", () -> victim.transport().load().halfOpen() == 0);
        assertThat(victim.listener().count("shed", "handshake-timeout")).isPositive();
    }

    @Test
    void byDefaultAFloodFillsOnlyTheRetryThresholdAndAnHonestPeerConnectsDuringIt() throws Exception {
        Node victim = nodes.start();

        flood(victim, false);
        honestPeerConnects(victim);

        QuicTransport.Load load = victim.transport().load();
        // the Retry threshold, and the honest peer, admitted beyond it once its Retry token proved its address
        assertThat(load.peakHalfOpen()).isLessThanOrEqualTo(16 + 1);
        assertThat(load.retriesSent()).isPositive();
    }

    @Test
    void withRetryAlwaysInitialsFromAddressesThatDoNotAnswerCreateNoState() throws Exception {
        Node victim = nodes.start(Map.of(QuicLimits.RETRY_ABOVE_HALF_OPEN, "0"));

        flood(victim, false);
        honestPeerConnects(victim); // after the flood: the victim has seen it all

        QuicTransport.Load load = victim.transport().load();
        assertThat(load.peakHalfOpen()).as("only the honest peer, which answered its Retry").isEqualTo(1);
        assertThat(load.retriesSent()).isPositive();

        flood(victim, true); // Initials with made-up tokens
        TestNodes.eventually(WAIT, "made-up tokens refused",
                () -> victim.listener().count("rejected", "retry-token-invalid") > 0);
        assertThat(victim.transport().load().peakHalfOpen()).isEqualTo(1);
    }

    private void honestPeerConnects(Node victim) throws Exception {
        Node honest = nodes.start();
        TestNodes.introduce(honest, victim);
        honest.transport().connect(victim.id()).toCompletableFuture().get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        TestNodes.eventually(WAIT, "the victim sees the honest peer", () -> victim.transport().isConnected(honest.id()));
    }

    /**
     * Sends real client Initials to {@code victim}, or junk ones with made-up tokens, from several sockets that
     * never answer, each Initial with a fresh destination connection id.
     */
    private void flood(Node victim, boolean withTokens) throws Exception {
        InetSocketAddress target = victim.transport().boundAddress();
        List<byte[]> initials = withTokens ? null : GenuineInitials.make(SOURCES * INITIALS_PER_SOURCE);
        List<DatagramSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < SOURCES; i++) {
                sockets.add(new DatagramSocket(0, InetAddress.getLoopbackAddress()));
            }
            for (int n = 0; n < INITIALS_PER_SOURCE; n++) {
                for (int s = 0; s < SOURCES; s++) {
                    byte[] initial = withTokens ? junkInitialWithToken() : initials.get(n * SOURCES + s);
                    sockets.get(s).send(new DatagramPacket(initial, initial.length, target));
                }
                if (n % 50 == 49) {
                    Thread.sleep(5); // let the victim's socket buffer drain: every Initial should reach it
                }
            }
        } finally {
            sockets.forEach(DatagramSocket::close);
        }
    }

    /** A long-header Initial (QUIC v1, 1200 bytes) with a made-up token, which nothing decrypts. */
    private byte[] junkInitialWithToken() {
        byte[] packet = new byte[1200];
        random.nextBytes(packet);
        int at = 0;
        packet[at++] = (byte) 0xc3; // long header, fixed bit, Initial, 4-byte packet number
        packet[at++] = 0;
        packet[at++] = 0;
        packet[at++] = 0;
        packet[at++] = 1; // version 1
        packet[at++] = 16; // destination connection id: 16 random bytes
        at += 16;
        packet[at++] = 8; // source connection id: 8 random bytes
        at += 8;
        int tokenLength = 40;
        packet[at++] = (byte) tokenLength; // one-byte varint
        at += tokenLength; // random bytes
        int rest = packet.length - at - 2;
        packet[at++] = (byte) (0x40 | (rest >> 8)); // two-byte varint
        packet[at] = (byte) rest;
        return packet;
    }
}
