package org.tomprotocol.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.SubnetEvent;
import org.tomprotocol.api.TomNode;

/**
 * Ephemeral subnets between real engines on the in-memory network: a node that talks often with two others sees a
 * subnet form, and dissolve once they stop; a relay sees the pairs it carries for.
 */
class SubnetEventsTest {
    private static List<SubnetEvent> subnetEvents(SimulatedNetwork net, TomNode node) {
        return net.events(node).stream().filter(SubnetEvent.class::isInstance).map(SubnetEvent.class::cast).toList();
    }

    @Test
    void aNodeWritingOftenToTwoOthersSeesASubnetFormAndDissolveWhenTheyFallSilent() {
        try (SimulatedNetwork net = new SimulatedNetwork(17)) {
            TomNode alice = net.node("alice");
            TomNode bob = net.node("bob");
            TomNode carol = net.node("carol");
            net.link(alice, bob);
            net.link(alice, carol);
            net.run(Duration.ofMillis(100));
            List<OutboundMessage> sent = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                sent.add(alice.send(bob.id(), ("to bob " + i).getBytes(StandardCharsets.UTF_8)));
                sent.add(alice.send(carol.id(), ("to carol " + i).getBytes(StandardCharsets.UTF_8)));
            }
            assertThat(net.runUntil(() -> sent.stream().allMatch(m -> m.status() == MessageStatus.DELIVERED),
                    Duration.ofSeconds(10))).isTrue();

            net.run(Duration.ofMinutes(1));
            assertThat(subnetEvents(net, alice)).singleElement().satisfies(event -> {
                assertThat(event.kind()).isEqualTo(SubnetEvent.Kind.FORMED);
                assertThat(event.members()).containsExactlyInAnyOrder(alice.id(), bob.id(), carol.id());
            });
            assertThat(subnetEvents(net, bob)).as("bob talked with one node only").isEmpty();

            net.run(Duration.ofMinutes(6));
            assertThat(subnetEvents(net, alice)).extracting(SubnetEvent::kind)
                    .containsExactly(SubnetEvent.Kind.FORMED, SubnetEvent.Kind.DISSOLVED_IDLE);
            assertThat(alice.metrics().get("subnets-formed")).isEqualTo(1);
            assertThat(alice.metrics().get("subnets-dissolved")).isEqualTo(1);
        }
    }

    @Test
    void aRelaySeesTheSubnetOfThePairsItCarriesFor() {
        try (SimulatedNetwork net = new SimulatedNetwork(18)) {
            SimulatedNetwork.RelayedPair pair = net.relayedPair();
            TomNode carol = net.node("carol");
            net.link(carol, pair.relay());
            net.run(Duration.ofMillis(100));
            List<OutboundMessage> sent = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                sent.add(pair.alice().send(pair.bob().id(), ("to bob " + i).getBytes(StandardCharsets.UTF_8)));
                sent.add(pair.bob().send(carol.id(), ("to carol " + i).getBytes(StandardCharsets.UTF_8)));
            }
            assertThat(net.runUntil(() -> sent.stream().allMatch(m -> m.status() == MessageStatus.DELIVERED),
                    Duration.ofSeconds(10))).isTrue();

            net.run(Duration.ofMinutes(1));

            assertThat(subnetEvents(net, pair.relay())).singleElement().satisfies(event ->
                    assertThat(event.members()).containsExactlyInAnyOrder(pair.alice().id(), pair.bob().id(),
                            carol.id()));
        }
    }
}
