package org.tomprotocol.transport.quic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.netty.handler.codec.quic.QuicStreamChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.transport.quic.TestNodes.Node;

/**
 * Attack 4 of issue 12: peers announce large frames and trickle their bodies, on many streams and connections,
 * to make the node hold memory for as long as they like. Real QUIC on loopback; hostile streams are raw.
 */
class SlowFramesTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final int FRAME = 256 * 1024;
    private static final long PER_CONNECTION = 512 * 1024;
    private static final long TOTAL = 1024 * 1024;
    private static final Map<String, String> SMALL_BUDGET = Map.of(
            QuicLimits.INBOUND_BUFFER, String.valueOf(TOTAL),
            QuicLimits.INBOUND_BUFFER_PER_CONNECTION, String.valueOf(PER_CONNECTION));

    @RegisterExtension
    final TestNodes nodes = new TestNodes();

    @Test
    void slowStreamsOfManyPeersHoldNoMoreThanTheBudgetAndAnHonestLargeFrameStillArrives() throws Exception {
        Node victim = nodes.start(JdkTestCrypto.newIdentity(), "127.0.0.1:0", FRAME, SMALL_BUDGET);
        List<RawStreams> attackers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            attackers.add(connected(nodes.start(), victim));
        }
        // each stream announces a whole frame and sends 16 KiB of it: 60 streams want 960 KiB per connection,
        // first on one connection (over its share), then on all three (over the node's budget)
        byte[] start = partialFrame(FRAME, 16 * 1024);
        for (RawStreams attacker : attackers) {
            for (int stream = 0; stream < 60; stream++) {
                attacker.open(start);
            }
        }
        Node honest = nodes.start();
        TestNodes.introduce(honest, victim);
        byte[] large = new byte[FRAME];
        Arrays.fill(large, (byte) 7);
        QuicSessionTest.await(honest.transport().send(victim.id(), FrameChannel.ENVELOPE, large));

        assertThat(victim.listener().nextFrame(WAIT).payload()).isEqualTo(large);
        TestNodes.eventually(WAIT, "every hostile stream is held or was reset",
                () -> victim.transport().load().partialFrames() + budgetResets(victim) == 180);
        QuicTransport.Load load = victim.transport().load();
        assertThat(load.peakPartialFrameBytes()).isPositive().isLessThanOrEqualTo(TOTAL);
        assertThat(load.partialFrameBytes()).isLessThanOrEqualTo(TOTAL);
        assertThat(victim.listener().count("shed", "frame-budget-connection")).isPositive();
        assertThat(victim.listener().count("shed", "frame-budget-transport")).isPositive();
        TestNodes.eventually(WAIT, "every hostile peer saw streams reset for the budget", () -> attackers.stream()
                .allMatch(attacker -> attacker.resets.contains((long) StreamErrors.FRAME_BUDGET)));
        assertThat(victim.listener().fatalErrors).isEmpty();
    }

    private static long budgetResets(Node victim) {
        return victim.listener().count("shed", "frame-budget-connection")
                + victim.listener().count("shed", "frame-budget-transport");
    }

    @Test
    void aFrameNotCompleteByTheDeadlineIsResetAndCountedAndTheConnectionCarriesOn() throws Exception {
        Node victim = nodes.start(Map.of(QuicLimits.FRAME_DEADLINE, "300"));
        Node attacker = nodes.start();
        RawStreams streams = connected(attacker, victim);

        List<QuicStreamChannel> stalled = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            stalled.add(streams.open(partialFrame(1000, 10)));
        }

        TestNodes.eventually(WAIT, "five late frames reset",
                () -> victim.listener().count("shed", "frame-deadline") == 5);
        TestNodes.eventually(WAIT, "the hostile streams saw the reset",
                () -> streams.resets.stream().filter(code -> code == StreamErrors.FRAME_DEADLINE).count() == 5);
        QuicTransport.Load load = victim.transport().load();
        assertThat(load.partialFrames()).isZero();
        assertThat(load.partialFrameBytes()).isZero();
        // the peer's connection is untouched: a whole frame on it still arrives
        QuicSessionTest.await(attacker.transport().send(victim.id(), FrameChannel.ENVELOPE, QuicSessionTest.bytes("on time")));
        assertThat(QuicSessionTest.text(victim.listener().nextFrame(WAIT).payload())).isEqualTo("on time");
        assertThat(stalled).hasSize(5);
    }

    @Test
    void framesResetForTheReceiversBudgetAreSentAgainUntilEachArrivesOnce() throws Exception {
        // The receiver holds about one large frame in all: two senders' frames arriving together overflow it.
        String room = String.valueOf(FRAME + FRAME / 8);
        Node receiver = nodes.start(JdkTestCrypto.newIdentity(), "127.0.0.1:0", FRAME,
                Map.of(QuicLimits.INBOUND_BUFFER, room, QuicLimits.INBOUND_BUFFER_PER_CONNECTION, room));
        List<Node> senders = List.of(nodes.start(), nodes.start());
        for (Node sender : senders) {
            TestNodes.introduce(sender, receiver);
            QuicSessionTest.await(sender.transport().connect(receiver.id()));
        }

        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            for (Node sender : senders) {
                byte[] frame = new byte[FRAME];
                Arrays.fill(frame, (byte) (sender == senders.get(0) ? i : 10 + i));
                sent.add(sender.transport().send(receiver.id(), FrameChannel.ENVELOPE, frame).toCompletableFuture());
            }
        }

        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        List<Byte> fills = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            fills.add(receiver.listener().nextFrame(WAIT).payload()[0]);
        }
        assertThat(fills).containsExactlyInAnyOrder((byte) 0, (byte) 1, (byte) 2, (byte) 3, (byte) 10, (byte) 11,
                (byte) 12, (byte) 13);
        assertThat(receiver.listener().frames).isEmpty();
        assertThat(receiver.listener().count("shed", "frame-budget-transport")).as("frames were reset").isPositive();
        assertThat(senders).allSatisfy(sender -> assertThat(sender.listener().count("disconnected")).isZero());
    }

    private static RawStreams connected(Node attacker, Node victim) throws Exception {
        TestNodes.introduce(attacker, victim);
        QuicSessionTest.await(attacker.transport().connect(victim.id()));
        return RawStreams.of(attacker, victim.id());
    }

    /** The header of a frame of {@code announced} bytes, and the first {@code sent} of them. */
    private static byte[] partialFrame(int announced, int sent) {
        byte[] header = RawStreams.header(FrameChannel.ENVELOPE, announced);
        byte[] bytes = Arrays.copyOf(header, header.length + sent);
        Arrays.fill(bytes, header.length, bytes.length, (byte) 1);
        return bytes;
    }
}
