package org.tomprotocol.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.spi.transport.TransportException;
import org.tomprotocol.testkit.SimFixture.Peer;

class DeterminismTest {
    /** Runs a lossy four-node exchange and returns every frame's fate and every session event, with times. */
    private static List<String> trace(long seed) throws TransportException {
        SimFixture sim = new SimFixture(seed);
        sim.network.defaultLink(LinkModel.builder().latencyMillis(15).jitterMillis(20).loss(0.1)
                .duplication(0.05).reordering(0.1, 30).build());
        List<String> trace = new ArrayList<>();
        sim.network.addObserver(event -> trace.add(event.atMillis() - sim.start + " " + event.from().shortForm()
                + ">" + event.to().shortForm() + " " + event.bytes() + " " + event.dropReason()));
        List<Peer> peers = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            peers.add(sim.peer(i));
        }
        for (Peer from : peers) {
            for (Peer to : peers) {
                if (from != to) {
                    from.learn(to);
                }
            }
        }
        for (int round = 0; round < 50; round++) {
            for (Peer from : peers) {
                for (Peer to : peers) {
                    if (from != to) {
                        byte[] frame = ("r" + round + from.id().shortForm()).getBytes(StandardCharsets.UTF_8);
                        from.transport().send(to.id(), FrameChannel.ENVELOPE, frame);
                    }
                }
            }
            if (round == 20) {
                sim.network.partition(List.of(peers.get(0).id()), List.of(peers.get(3).id()));
            }
            if (round == 30) {
                sim.network.heal();
            }
            sim.run(Duration.ofMillis(7));
        }
        sim.run(Duration.ofSeconds(10));
        for (Peer peer : peers) {
            peer.listener().connected().forEach(c -> trace.add("connected " + c));
            peer.listener().disconnected().forEach(d -> trace.add("disconnected " + d));
        }
        trace.add("stats " + sim.network.stats());
        return trace;
    }

    @Test
    void theSameSeedGivesTheSameRunAndAnotherSeedADifferentOne() throws Exception {
        List<String> first = trace(42);
        List<String> second = trace(42);
        List<String> other = trace(43);

        assertThat(first).hasSizeGreaterThan(500);
        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }
}
