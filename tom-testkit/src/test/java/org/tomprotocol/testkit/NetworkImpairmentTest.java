package org.tomprotocol.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LongSummaryStatistics;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.testkit.SimFixture.Peer;

class NetworkImpairmentTest {
    private final SimFixture sim = new SimFixture(20260101);

    /** Sends {@code count} numbered frames, one per millisecond, and returns the send times (relative). */
    private List<Long> sendNumbered(Peer from, Peer to, int count) {
        List<Long> sentAt = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sentAt.add(sim.elapsed());
            from.transport().send(to.id(), FrameChannel.ENVELOPE, ByteBuffer.allocate(4).putInt(i).array());
            sim.run(Duration.ofMillis(1));
        }
        return sentAt;
    }

    private static List<Integer> numbers(Peer receiver) {
        return receiver.listener().frames().stream().map(f -> ByteBuffer.wrap(f.bytes()).getInt()).toList();
    }

    @Test
    void delaysStayWithinLatencyPlusJitterAndFramesStayInOrder() throws Exception {
        Peer[] pair = sim.connectedPair(1, 2);
        sim.network.defaultLink(LinkModel.builder().latencyMillis(20).jitterMillis(10).build());

        List<Long> sentAt = sendNumbered(pair[0], pair[1], 500);
        sim.run(Duration.ofSeconds(1));

        List<RecordingListener.Frame> frames = pair[1].listener().frames();
        assertThat(frames).hasSize(500);
        LongSummaryStatistics delays = new LongSummaryStatistics();
        for (RecordingListener.Frame frame : frames) {
            int n = ByteBuffer.wrap(frame.bytes()).getInt();
            delays.accept(frame.atMillis() - sentAt.get(n));
        }
        assertThat(delays.getMin()).isGreaterThanOrEqualTo(20);
        assertThat(delays.getMax()).isLessThanOrEqualTo(30);
        assertThat(delays.getMax() - delays.getMin()).as("jitter is applied").isGreaterThanOrEqualTo(5);
        assertThat(numbers(pair[1])).isSorted();
    }

    @Test
    void lossRateIsCloseToTheConfiguredProbability() throws Exception {
        Peer[] pair = sim.connectedPair(1, 2);
        sim.network.defaultLink(LinkModel.builder().loss(0.2).build());

        for (int i = 0; i < 10_000; i++) {
            pair[0].send(pair[1], "x");
        }
        sim.run(Duration.ofMillis(10));

        NetworkStats stats = sim.network.stats();
        double lossRate = stats.dropped(DropReason.LOSS) / 10_000.0;
        assertThat(lossRate).isCloseTo(0.2, within(0.02));
        assertThat(pair[1].listener().frames()).hasSize((int) stats.framesDelivered());
        assertThat(stats.framesSent()).isEqualTo(10_000);
        assertThat(stats.framesSent() + stats.framesDuplicated())
                .isEqualTo(stats.framesDelivered() + stats.framesDroppedTotal());
    }

    @Test
    void duplicatesAreDeliveredAndCounted() throws Exception {
        Peer[] pair = sim.connectedPair(1, 2);
        sim.network.defaultLink(LinkModel.builder().duplication(0.1).build());

        sendNumbered(pair[0], pair[1], 3_000);
        sim.run(Duration.ofMillis(10));

        int received = pair[1].listener().frames().size();
        NetworkStats stats = sim.network.stats();
        assertThat(received - 3_000).isEqualTo((int) stats.framesDuplicated());
        assertThat(stats.framesDuplicated()).isBetween(240L, 360L);
        assertThat(numbers(pair[1]).stream().distinct().count()).isEqualTo(3_000);
        List<RecordingListener.Frame> frames = pair[1].listener().frames();
        assertThat(frames.get(0).bytes()).isNotSameAs(frames.get(1).bytes());
    }

    @Test
    void reorderingLetsLaterFramesOvertake() throws Exception {
        Peer[] pair = sim.connectedPair(1, 2);
        sim.network.defaultLink(LinkModel.builder().latencyMillis(5).reordering(0.2, 50).build());

        sendNumbered(pair[0], pair[1], 1_000);
        sim.run(Duration.ofSeconds(1));

        List<Integer> order = numbers(pair[1]);
        assertThat(order).hasSize(1_000).doesNotHaveDuplicates();
        long inversions = 0;
        for (int i = 1; i < order.size(); i++) {
            if (order.get(i) < order.get(i - 1)) {
                inversions++;
            }
        }
        assertThat(inversions).isBetween(50L, 400L);
    }

    @Test
    void perLinkModelsOverrideTheDefaultOneWay() throws Exception {
        Peer[] pair = sim.connectedPair(1, 2);
        Peer alice = pair[0];
        Peer bob = pair[1];
        sim.network.defaultLink(LinkModel.withLatency(10));
        sim.network.link(alice.id(), bob.id(), LinkModel.withLatency(70));
        long at = sim.elapsed();

        alice.send(bob, "slow");
        bob.send(alice, "fast");
        sim.run(Duration.ofSeconds(1));

        assertThat(bob.listener().frames()).singleElement().satisfies(f -> assertThat(f.atMillis()).isEqualTo(at + 70));
        assertThat(alice.listener().frames()).singleElement()
                .satisfies(f -> assertThat(f.atMillis()).isEqualTo(at + 10));
        assertThat(sim.network.linkModel(bob.id(), alice.id())).isEqualTo(LinkModel.withLatency(10));
    }

    @Test
    void observersSeeTheFateOfEveryFrame() throws Exception {
        Peer[] pair = sim.connectedPair(1, 2);
        sim.runtime.runUntil(VirtualRuntime.DEFAULT_START.plusSeconds(2));
        List<FrameEvent> events = new ArrayList<>();
        sim.network.addObserver(events::add);

        sim.network.defaultLink(LinkModel.withLatency(10));
        pair[0].send(pair[1], "seen");
        sim.run(Duration.ofMillis(10));
        pair[0].send(pair[1], "in flight");
        sim.run(Duration.ofMillis(5));
        sim.network.partition(List.of(pair[0].id()), List.of(pair[1].id()));
        pair[0].send(pair[1], "cut");
        sim.run(Duration.ofMillis(100));

        assertThat(events).extracting(FrameEvent::dropReason)
                .containsExactly(null, DropReason.PARTITION, DropReason.PARTITION);
        assertThat(events.get(0).delivered()).isTrue();
        assertThat(events.get(0).bytes()).isEqualTo(4);
        assertThat(events.get(0).from()).isEqualTo(pair[0].id());
        long start = sim.start + 2_000;
        assertThat(events.get(1).bytes()).as("sent into the cut: dropped at once").isEqualTo(3);
        assertThat(events.get(1).atMillis() - start).isEqualTo(15);
        assertThat(events.get(2).bytes()).as("in flight when cut: dropped when due").isEqualTo(9);
        assertThat(events.get(2).atMillis() - start).isEqualTo(20);
        assertThat(pair[1].received()).containsExactly("seen");
    }

    @Test
    void invalidLinkModelsAreRejectedWithTheFieldToFix() {
        assertThatThrownBy(() -> LinkModel.builder().loss(1.5).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lossProbability");
        assertThatThrownBy(() -> LinkModel.builder().latencyMillis(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latencyMillis");
        assertThatThrownBy(() -> LinkModel.builder().reordering(0.1, 0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reorderDelayMillis");
        assertThat(LinkModel.PERFECT.toBuilder().jitterMillis(3).build().jitterMillis()).isEqualTo(3);
    }
}
