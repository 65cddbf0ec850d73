package org.tomprotocol.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.TomNode;

/** A node whose only contact could not be reached at first keeps dialling it, backing off, until it joins. */
class JoinRetryTest {

    private static boolean hasSession(TomNode from, TomNode to) {
        return from.peers().stream().anyMatch(p -> p.id().equals(to.id()) && p.directSession());
    }

    @Test
    void aFailedFirstDialToTheBootstrapPeerIsRetriedUntilTheNodeJoins() {
        try (SimulatedNetwork net = new SimulatedNetwork(31)) {
            TomNode alice = net.node("alice");
            TomNode contact = net.node("contact");
            net.network.partition(List.of(alice.id()), List.of(contact.id()));
            net.link(alice, contact);
            net.run(Duration.ofSeconds(20));
            assertThat(hasSession(alice, contact)).isFalse();
            long failedDials = alice.metrics().get("background-connects-failed");
            assertThat(failedDials).as("dialled again while unreachable").isBetween(3L, 8L);

            net.network.heal();

            assertThat(net.runUntil(() -> hasSession(alice, contact), Duration.ofSeconds(40))).isTrue();
            net.run(Duration.ofMinutes(2));
            assertThat(alice.metrics().get("background-connects-failed")).as("no dialling once joined")
                    .isEqualTo(failedDials);
        }
    }
}
