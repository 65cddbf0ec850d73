package org.tomprotocol.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.PathChange;
import org.tomprotocol.api.PathKind;
import org.tomprotocol.api.TomNode;

/** Relay first, then direct: the relay introduces the two ends, which open a direct path; it falls back when it dies. */
class DirectPathTest {

    private static List<PathChange> pathChanges(SimulatedNetwork net, TomNode node) {
        return net.events(node).stream().filter(e -> e instanceof PathChange).map(e -> (PathChange) e).toList();
    }

    private static OutboundMessage send(TomNode from, TomNode to, String text) {
        return from.send(to.id(), text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theRelayIntroducesTheEndsAndTrafficMovesToADirectPath() {
        try (SimulatedNetwork net = new SimulatedNetwork(21)) {
            SimulatedNetwork.RelayedPair pair = net.relayedPair();
            TomNode alice = pair.alice(), relay = pair.relay(), bob = pair.bob();

            OutboundMessage first = send(alice, bob, "through the relay");
            assertThat(net.runUntil(() -> first.status().isDelivered(), Duration.ofSeconds(5))).isTrue();
            assertThat(first.path()).containsExactly(relay.id());
            assertThat(net.runUntil(() -> !pathChanges(net, alice).isEmpty(), Duration.ofSeconds(5))).isTrue();

            PathChange change = pathChanges(net, alice).get(0);
            assertThat(change.peer()).isEqualTo(bob.id());
            assertThat(change.from()).isEqualTo(PathKind.RELAY);
            assertThat(change.to()).isEqualTo(PathKind.DIRECT);
            assertThat(change.sinceFirstMessage()).isLessThan(Duration.ofSeconds(1));
            assertThat(relay.metrics().get("introductions-sent")).isEqualTo(2);

            OutboundMessage second = send(alice, bob, "directly now");
            assertThat(net.runUntil(() -> second.status().isDelivered(), Duration.ofSeconds(5))).isTrue();
            assertThat(second.path()).isEmpty();
            assertThat(net.inbox(bob)).hasSize(2);
        }
    }

    @Test
    void whenTheDirectPathDiesTrafficFallsBackToTheRelayWithNothingLostAndADirectPathReturns() {
        try (SimulatedNetwork net = new SimulatedNetwork(22)) {
            SimulatedNetwork.RelayedPair pair = net.relayedPair();
            TomNode alice = pair.alice(), relay = pair.relay(), bob = pair.bob();
            OutboundMessage first = send(alice, bob, "open the way");
            net.runUntil(() -> pathChanges(net, alice).size() == 1, Duration.ofSeconds(5));

            // the direct path dies silently (a NAT rebinding): only alice and bob are cut from each other
            net.network.partition(List.of(alice.id()), List.of(bob.id()));
            List<OutboundMessage> during = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                during.add(send(alice, bob, "during " + i));
                net.run(Duration.ofMillis(250));
            }
            assertThat(net.runUntil(() -> during.stream().allMatch(m -> m.status().isDelivered()),
                    Duration.ofSeconds(20))).isTrue();
            assertThat(pathChanges(net, alice)).extracting(PathChange::to).containsSubsequence(PathKind.DIRECT, PathKind.RELAY);
            assertThat(net.inbox(bob)).hasSize(21);

            net.network.heal();
            OutboundMessage after = send(alice, bob, "after the heal");
            assertThat(net.runUntil(() -> pathChanges(net, alice).stream().filter(c -> c.to() == PathKind.DIRECT)
                    .count() == 2, Duration.ofSeconds(60))).isTrue();
            assertThat(net.runUntil(() -> after.status() == MessageStatus.DELIVERED, Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void aNewDirectSessionAfterAFallbackCarriesTrafficAtOnceWithoutWaitingOutTheSuspicion() {
        try (SimulatedNetwork net = new SimulatedNetwork(23)) {
            SimulatedNetwork.RelayedPair pair = net.relayedPair();
            TomNode alice = pair.alice(), relay = pair.relay(), bob = pair.bob();
            send(alice, bob, "open the way");
            net.runUntil(() -> pathChanges(net, alice).size() == 1, Duration.ofSeconds(5));

            net.network.partition(List.of(alice.id()), List.of(bob.id()));
            List<OutboundMessage> during = new ArrayList<>();
            while (pathChanges(net, alice).size() < 2) {
                during.add(send(alice, bob, "during"));
                net.run(Duration.ofMillis(250));
            }
            java.time.Instant fellBack = pathChanges(net, alice).get(1).at();
            assertThat(net.runUntil(() -> !directSession(alice, bob), Duration.ofSeconds(10))).as("old session closed").isTrue();
            net.network.heal();
            assertThat(net.runUntil(() -> directSession(alice, bob), Duration.ofSeconds(10))).as("new session").isTrue();
            Duration sinceFallback = Duration.between(fellBack, net.runtime.now());
            assertThat(sinceFallback).as("the new session must come up while the dead path is still suspect")
                    .isLessThan(Duration.ofMillis(org.tomprotocol.core.engine.ProtocolConstants.DIRECT_SUSPECT_MS));

            OutboundMessage after = send(alice, bob, "after the new session");
            assertThat(net.runUntil(() -> after.status().isDelivered(), Duration.ofSeconds(5))).isTrue();
            assertThat(after.path()).as("sent on the new direct session").isEmpty();
            assertThat(during).allMatch(m -> m.status().isDelivered());
        }
    }

    private static boolean directSession(TomNode from, TomNode to) {
        return from.peers().stream().anyMatch(p -> p.id().equals(to.id()) && p.directSession());
    }
}
