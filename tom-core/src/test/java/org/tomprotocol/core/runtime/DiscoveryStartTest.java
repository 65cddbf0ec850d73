package org.tomprotocol.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.ConfigurationException;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.spi.discovery.Discovery;
import org.tomprotocol.spi.discovery.DiscoveryContext;
import org.tomprotocol.spi.discovery.DiscoveryProvider;

/**
 * How a node starts its discovery. The discovery is created while the node starts: what its provider refuses (a
 * missing file, a value out of range) stops the start with the provider's own message, and the transports already
 * bound are let go, instead of a node that runs on without discovery while the reason sits in a log. Once started,
 * its timers run even when nothing else happens (a node whose only peers are down keeps trying).
 */
class DiscoveryStartTest {

    @Test
    void aDiscoveryRefusingItsOptionsStopsTheStartWithItsMessage() {
        try (SimulatedNetwork net = new SimulatedNetwork(31)) {
            DiscoveryProvider refusing = new FixedDiscoveryProvider("picky", () -> {
                throw new ConfigurationException("picky.peers-file: cannot read /nowhere/peers.txt");
            });

            assertThatThrownBy(() -> net.node("alice", refusing)).isInstanceOf(ConfigurationException.class)
                    .hasMessage("picky.peers-file: cannot read /nowhere/peers.txt");
        }
    }

    @Test
    void aDiscoveryFailingOtherwiseStopsTheStartNamingTheDiscovery() {
        try (SimulatedNetwork net = new SimulatedNetwork(32)) {
            DiscoveryProvider broken = new FixedDiscoveryProvider("broken", () -> {
                throw new IllegalStateException("no peers table");
            });

            assertThatThrownBy(() -> net.node("alice", broken)).isInstanceOf(ConfigurationException.class)
                    .hasMessage("discovery 'broken' could not start: no peers table");
        }
    }

    @Test
    void aRefusedStartLetsGoOfTheTransportsItBound() {
        try (SimulatedNetwork net = new SimulatedNetwork(33)) {
            DiscoveryProvider refusing = new FixedDiscoveryProvider("picky", () -> {
                throw new ConfigurationException("picky.interval-ms must be at least 100");
            });
            assertThatThrownBy(() -> net.node("alice", refusing)).isInstanceOf(ConfigurationException.class);

            TomNode alice = net.node("alice");
            TomNode bob = net.node("bob");
            net.link(bob, alice);
            OutboundMessage sent = bob.send(alice.id(), "hi".getBytes(StandardCharsets.UTF_8));

            assertThat(net.runUntil(() -> sent.status() == MessageStatus.DELIVERED, Duration.ofSeconds(5)))
                    .as("a node listens again at the address the refused one had bound").isTrue();
        }
    }

    @Test
    void anHonestDiscoveryIsCreatedOnceAndStarted() {
        try (SimulatedNetwork net = new SimulatedNetwork(34)) {
            AtomicReference<Long> startedAt = new AtomicReference<>();
            int[] created = {0};
            DiscoveryProvider honest = new FixedDiscoveryProvider("honest", () -> {
                created[0]++;
                return new IdleDiscovery(startedAt);
            });

            net.node("alice", honest);
            net.run(Duration.ofMillis(10));

            assertThat(created[0]).isEqualTo(1);
            assertThat(startedAt.get()).as("started").isNotNull();
        }
    }

    @Test
    void aDiscoveryAloneWithItsTimersIsCalledWhenTheyAreDue() {
        try (SimulatedNetwork net = new SimulatedNetwork(35)) {
            List<Long> calls = new CopyOnWriteArrayList<>();
            DiscoveryProvider redialling = new FixedDiscoveryProvider("redialling", () -> new IdleDiscovery(
                    new AtomicReference<>(), now -> {
                        calls.add(now);
                        return now + 1_000;
                    }));
            long started = net.runtime.nowMillis();
            TomNode alice = net.node("alice", redialling);

            net.run(Duration.ofMillis(3_500));

            assertThat(alice.peers()).as("nothing but the timer happened").isEmpty();
            assertThat(calls).as("at start, then every second").hasSizeGreaterThanOrEqualTo(4);
            assertThat(calls.getLast() - started).isBetween(3_000L, 3_100L);
        }
    }

    /** A discovery provider whose {@code create} does what it is told. */
    private record FixedDiscoveryProvider(String id, Supplier<Discovery> creation) implements DiscoveryProvider {
        @Override
        public Discovery create(DiscoveryContext context) {
            return creation.get();
        }
    }
}
