package org.tomprotocol.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.TomNode;

/**
 * Lock 4 between real engines on the in-memory network: the node in the middle earns the relay role by carrying
 * messages whose recipient acknowledged them through it — the ends earn nothing — and loses it within the documented
 * time once nothing goes through it any more.
 */
class RelayRoleTest {
    @Test
    void theNodeThatCarriesMessagesEarnsTheRelayRoleAndLosesItWhenTheWorkStops() {
        try (SimulatedNetwork net = new SimulatedNetwork(71)) {
            SimulatedNetwork.RelayedPair pair = net.relayedPair();
            List<OutboundMessage> sent = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                sent.add(pair.alice().send(pair.bob().id(), ("carried " + i).getBytes(StandardCharsets.UTF_8)));
            }
            assertThat(net.runUntil(() -> sent.stream().allMatch(m -> m.status() == MessageStatus.DELIVERED),
                    Duration.ofSeconds(30))).isTrue();
            net.run(Duration.ofMinutes(2));

            assertThat(pair.relay().metrics().get("roles.relay-earned")).isEqualTo(1);
            for (TomNode end : List.of(pair.alice(), pair.bob())) {
                assertThat(end.metrics().get("roles.relay-earned")).as("an end carried nothing").isZero();
            }

            net.run(Duration.ofHours(3));

            assertThat(pair.relay().metrics().get("roles.relay-lost")).isEqualTo(1);
            assertThat(net.events(pair.relay())).filteredOn(org.tomprotocol.api.RoleEvent.class::isInstance)
                    .map(org.tomprotocol.api.RoleEvent.class::cast)
                    .filteredOn(event -> event.role().equals("relay"))
                    .extracting(org.tomprotocol.api.RoleEvent::kind)
                    .containsExactly(org.tomprotocol.api.RoleEvent.Kind.EARNED, org.tomprotocol.api.RoleEvent.Kind.LOST);
            assertThat(pair.relay().metrics().get("roles.hub-candidate-earned"))
                    .as("reached by both ends, window after window, for over an hour").isEqualTo(1);
        }
    }
}
