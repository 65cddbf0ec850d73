package org.tomprotocol.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.NodeBuilder;
import org.tomprotocol.api.NodeEvent;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.PeerEvent;
import org.tomprotocol.api.PeerInfo;
import org.tomprotocol.api.PeerState;
import org.tomprotocol.api.SendRejectedException;
import org.tomprotocol.api.Tom;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.crypto.TomV1CryptoSuiteProvider;

class LivenessAndBackpressureTest {

    private static List<PeerState> statesOf(List<NodeEvent> events, NodeId peer) {
        return events.stream().filter(e -> e instanceof PeerEvent p && p.peer().equals(peer))
                .map(e -> ((PeerEvent) e).state()).toList();
    }

    @Test
    void anIdleSessionIsKeptAliveByHeartbeats() {
        try (SimulatedNetwork net = new SimulatedNetwork(11)) {
            TomNode alice = net.node("alice");
            TomNode bob = net.node("bob");
            net.link(alice, bob);
            net.run(Duration.ofMinutes(3));

            assertThat(statesOf(net.events(alice), bob.id())).containsExactly(PeerState.DISCOVERED, PeerState.ONLINE);
            assertThat(alice.peers()).singleElement().satisfies(p -> {
                assertThat(p.state()).isEqualTo(PeerState.ONLINE);
                assertThat(p.directSession()).isTrue();
            });
            assertThat(alice.metrics().get("heartbeats-received")).isGreaterThan(10);
        }
    }

    @Test
    void aSilentPeerGoesStaleThenOfflineThenIsForgotten() {
        try (SimulatedNetwork net = new SimulatedNetwork(12)) {
            TomNode alice = net.node("alice");
            TomNode bob = net.node("bob");
            net.link(alice, bob);
            net.run(Duration.ofSeconds(1));
            long crashedAt = net.runtime.nowMillis();
            net.network.crash(bob.id());

            net.run(Duration.ofSeconds(150));

            List<PeerEvent> events = net.events(alice).stream().filter(e -> e instanceof PeerEvent)
                    .map(e -> (PeerEvent) e).filter(e -> e.peer().equals(bob.id())).toList();
            assertThat(events).extracting(PeerEvent::state)
                    .containsExactly(PeerState.DISCOVERED, PeerState.ONLINE, PeerState.STALE, PeerState.OFFLINE);
            long staleAfter = events.get(2).at().toEpochMilli() - crashedAt;
            long offlineAfter = events.get(3).at().toEpochMilli() - crashedAt;
            assertThat(staleAfter).isBetween(19_000L, 22_000L);
            assertThat(offlineAfter).isBetween(44_000L, 47_000L);
            assertThat(alice.peers()).extracting(PeerInfo::id).doesNotContain(bob.id());
        }
    }

    @Test
    void aPeerHeardFromAgainComesBackOnline() {
        try (SimulatedNetwork net = new SimulatedNetwork(13)) {
            TomNode alice = net.node("alice");
            TomNode bob = net.node("bob");
            net.link(alice, bob);
            net.run(Duration.ofSeconds(1));
            net.network.partition(List.of(alice.id()), List.of(bob.id()));
            net.run(Duration.ofSeconds(30));
            net.network.heal();
            net.link(alice, bob);
            net.run(Duration.ofSeconds(5));

            assertThat(statesOf(net.events(alice), bob.id()))
                    .containsSubsequence(PeerState.ONLINE, PeerState.STALE, PeerState.ONLINE);
        }
    }

    @Test
    void sendFailsFastWhenTheQueueIsFullAndNothingIsDroppedSilently() {
        try (SimulatedNetwork net = new SimulatedNetwork(14)) {
            TomNode bob = net.node("bob");
            TomNode alice = Tom.node().provider(net.runtime).serviceLoading(false)
                    .provider(new TomV1CryptoSuiteProvider()).provider(net.network.transportProvider())
                    .listen("mem:alice").sendQueueCapacity(3).start();
            net.link(alice, bob);
            net.run(Duration.ofMillis(100));
            net.network.crash(bob.id());

            for (int i = 0; i < 3; i++) {
                alice.send(bob.id(), ("m" + i).getBytes(StandardCharsets.UTF_8));
            }
            assertThatThrownBy(() -> alice.send(bob.id(), "one too many".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(SendRejectedException.class)
                    .extracting(e -> ((SendRejectedException) e).reason())
                    .isEqualTo(SendRejectedException.Reason.QUEUE_FULL);

            // the three stay alive for their 24 h: room comes back when they end
            net.run(Duration.ofHours(24).plusMinutes(1));
            alice.send(bob.id(), "room again once the others failed".getBytes(StandardCharsets.UTF_8));
            alice.close();
        }
    }

    @Test
    void theLargestPayloadAMessageCanCarryIsDeliveredWhole() {
        try (SimulatedNetwork net = new SimulatedNetwork(16)) {
            TomNode alice = net.node("alice");
            TomNode bob = net.node("bob");
            net.link(alice, bob);
            net.run(Duration.ofSeconds(1));
            byte[] largest = new byte[NodeBuilder.MAX_PAYLOAD_BYTES];
            new java.util.Random(7).nextBytes(largest);

            OutboundMessage sent = alice.send(bob.id(), largest);
            net.run(Duration.ofSeconds(5));

            assertThat(sent.status()).isEqualTo(MessageStatus.DELIVERED);
            assertThat(net.inbox(bob)).singleElement().satisfies(m -> assertThat(m.payload()).isEqualTo(largest));
        }
    }

    @Test
    void oversizeAndInvalidRecipientsAreRefusedWithAReason() {
        try (SimulatedNetwork net = new SimulatedNetwork(15)) {
            TomNode alice = net.node("alice");
            TomNode bob = net.node("bob");
            assertThatThrownBy(() -> alice.send(bob.id(), new byte[NodeBuilder.MAX_PAYLOAD_BYTES + 1]))
                    .isInstanceOf(SendRejectedException.class).hasMessageContaining("maxPayloadBytes")
                    .extracting(e -> ((SendRejectedException) e).reason())
                    .isEqualTo(SendRejectedException.Reason.TOO_LARGE);
            byte[] notAPoint = new byte[32];
            notAPoint[0] = 2;
            assertThatThrownBy(() -> alice.send(NodeId.of(notAPoint), new byte[1]))
                    .isInstanceOf(SendRejectedException.class)
                    .extracting(e -> ((SendRejectedException) e).reason())
                    .isEqualTo(SendRejectedException.Reason.INVALID_RECIPIENT);
        }
    }
}
