package org.tomprotocol.discovery.gossip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.SendOptions;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.testkit.FrameEvent;

/**
 * Real engines learn from each other's signed announces which wire profile to write: the compact one (byte strings as
 * bin) only when the recipient and every relay on the path read it. What is observed is the size of the envelope
 * frames: a sealed random payload is about 1.5 times larger in the reference profile than in the compact one.
 */
class WireProfileNegotiationTest {
    private static final int PAYLOAD = 4096;
    /** Sealing, the envelope's fields and the bin headers add a few hundred bytes in the compact profile. */
    private static final int COMPACT_AT_MOST = PAYLOAD + 500;
    /** In the reference profile half the random bytes take two bytes each. */
    private static final int REFERENCE_AT_LEAST = PAYLOAD * 14 / 10;
    private static final Map<String, String> REFERENCE_ONLY = Map.of("tom.compact-profile", "false");

    @Test
    void nodesThatBothAnnounceTheCompactProfileWriteTheirMessagesInIt() {
        try (EngineCluster cluster = new EngineCluster(31)) {
            TomNode bob = cluster.node("bob");
            TomNode alice = cluster.node("alice", bob);
            List<FrameEvent> frames = acquaintedThenRecording(cluster, alice, bob);

            deliver(cluster, alice.send(bob.id(), randomBytes(1)));

            assertThat(largestEnvelope(frames, alice.id(), bob.id())).isBetween(PAYLOAD, COMPACT_AT_MOST);
            assertThat(transmissions(alice, "compact")).isEqualTo(1);
            assertThat(transmissions(alice, "reference")).isZero();
        }
    }

    @Test
    void aNodeThatDoesNotAnnounceItIsWrittenToInTheReferenceProfileAndBothWaysStillDeliver() {
        try (EngineCluster cluster = new EngineCluster(32)) {
            TomNode bob = cluster.node("bob", REFERENCE_ONLY);
            TomNode alice = cluster.node("alice", bob);
            List<FrameEvent> frames = acquaintedThenRecording(cluster, alice, bob);

            deliver(cluster, alice.send(bob.id(), randomBytes(2)));
            deliver(cluster, bob.send(alice.id(), randomBytes(3)));

            assertThat(largestEnvelope(frames, alice.id(), bob.id())).isGreaterThanOrEqualTo(REFERENCE_AT_LEAST);
            assertThat(largestEnvelope(frames, bob.id(), alice.id())).isGreaterThanOrEqualTo(REFERENCE_AT_LEAST);
            assertThat(transmissions(alice, "reference")).isEqualTo(1);
            assertThat(transmissions(bob, "reference")).isEqualTo(1);
            assertThat(transmissions(alice, "compact") + transmissions(bob, "compact")).isZero();
        }
    }

    @Test
    void aRelayThatDoesNotReadTheCompactProfileMakesTheWholePathUseTheReferenceOne() {
        try (EngineCluster cluster = new EngineCluster(33)) {
            TomNode relay = cluster.node("relay", REFERENCE_ONLY);
            TomNode alice = cluster.node("alice", relay);
            TomNode bob = cluster.node("bob", relay);
            List<FrameEvent> frames = acquaintedThenRecording(cluster, alice, bob, relay);

            deliver(cluster, alice.send(bob.id(), randomBytes(4), SendOptions.viaRelays(relay.id())));

            assertThat(largestEnvelope(frames, alice.id(), relay.id())).isGreaterThanOrEqualTo(REFERENCE_AT_LEAST);
            assertThat(largestEnvelope(frames, relay.id(), bob.id())).isGreaterThanOrEqualTo(REFERENCE_AT_LEAST);
        }
    }

    @Test
    void aPathWhoseRelayReadsTheCompactProfileCarriesItEndToEnd() {
        try (EngineCluster cluster = new EngineCluster(34)) {
            TomNode relay = cluster.node("relay");
            TomNode alice = cluster.node("alice", relay);
            TomNode bob = cluster.node("bob", relay);
            List<FrameEvent> frames = acquaintedThenRecording(cluster, alice, bob, relay);

            deliver(cluster, alice.send(bob.id(), randomBytes(5), SendOptions.viaRelays(relay.id())));

            assertThat(largestEnvelope(frames, alice.id(), relay.id())).isBetween(PAYLOAD, COMPACT_AT_MOST);
            assertThat(largestEnvelope(frames, relay.id(), bob.id())).isBetween(PAYLOAD, COMPACT_AT_MOST);
        }
    }

    /** Waits until every node knows every other one (their announces were taken), then records frames. */
    private static List<FrameEvent> acquaintedThenRecording(EngineCluster cluster, TomNode... nodes) {
        boolean acquainted = cluster.runUntil(() -> {
            for (TomNode node : nodes) {
                for (TomNode other : nodes) {
                    if (node != other && !EngineCluster.knowsAddress(node, other.id())) {
                        return false;
                    }
                }
            }
            return true;
        }, Duration.ofSeconds(5));
        assertThat(acquainted).as("the nodes learned each other's announces").isTrue();
        List<FrameEvent> frames = new CopyOnWriteArrayList<>();
        cluster.network.addObserver(event -> {
            if (event.channel() == FrameChannel.ENVELOPE && event.delivered()) {
                frames.add(event);
            }
        });
        return frames;
    }

    private static void deliver(EngineCluster cluster, OutboundMessage message) {
        assertThat(cluster.runUntil(() -> message.status() == MessageStatus.DELIVERED, Duration.ofSeconds(5)))
                .as("delivered").isTrue();
    }

    private static long transmissions(TomNode node, String profile) {
        return node.metrics().counter("transmissions", Map.of("profile", profile));
    }

    private static int largestEnvelope(List<FrameEvent> frames, NodeId from, NodeId to) {
        return frames.stream().filter(frame -> frame.from().equals(from) && frame.to().equals(to))
                .mapToInt(FrameEvent::bytes).max().orElse(0);
    }

    private static byte[] randomBytes(long seed) {
        byte[] bytes = new byte[PAYLOAD];
        new SplittableRandom(seed).nextBytes(bytes);
        return bytes;
    }
}
