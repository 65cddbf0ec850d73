package org.tomprotocol.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.NodeFailure;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.spi.discovery.Discovery;
import org.tomprotocol.spi.discovery.DiscoveryContext;
import org.tomprotocol.spi.discovery.DiscoveryProvider;

/**
 * An {@link Error} on one of a node's threads is never swallowed: the node publishes a {@link NodeFailure},
 * counts it, and reports it from {@code failure()}, while healthy nodes report none.
 */
class NodeFailureTest {

    @Test
    void aHealthyNodeReportsNoFailure() {
        try (SimulatedNetwork net = new SimulatedNetwork(7)) {
            TomNode alice = net.node("alice");
            TomNode bob = net.node("bob");
            net.link(alice, bob);
            OutboundMessage sent = alice.send(bob.id(), "hi".getBytes(StandardCharsets.UTF_8));
            assertThat(net.runUntil(() -> sent.status() == MessageStatus.DELIVERED, Duration.ofSeconds(5))).isTrue();

            assertThat(alice.failure()).isEmpty();
            assertThat(alice.metrics().get("fatal-errors")).isZero();
            assertThat(net.events(alice)).noneMatch(NodeFailure.class::isInstance);
        }
    }

    @Test
    void anErrorOnTheAgentThreadFailsTheNodeLoudlyAndTheNodeCarriesOn() {
        try (SimulatedNetwork net = new SimulatedNetwork(8)) {
            TomNode victim = net.node("victim", new ThrowingDiscoveryProvider());
            TomNode bob = net.node("bob");
            net.link(bob, victim);
            net.run(Duration.ofMillis(200));

            assertThat(victim.failure()).hasValueSatisfying(failure -> {
                assertThat(failure.component()).isEqualTo("agent");
                assertThat(failure.reason()).isEqualTo("java.lang.OutOfMemoryError: simulated");
            });
            assertThat(victim.metrics().get("fatal-errors")).isEqualTo(1);
            assertThat(net.events(victim)).filteredOn(NodeFailure.class::isInstance).hasSize(1);

            OutboundMessage stillWorks = bob.send(victim.id(), "after".getBytes(StandardCharsets.UTF_8));
            assertThat(net.runUntil(() -> stillWorks.status() == MessageStatus.DELIVERED, Duration.ofSeconds(5)))
                    .isTrue();
        }
    }

    @Test
    void anErrorReportedByATransportFailsTheNodeOnceNamingTheTransport() {
        try (SimulatedNetwork net = new SimulatedNetwork(9)) {
            RecordingTransportProvider transport = new RecordingTransportProvider(net.network.transportProvider());
            TomNode victim = net.node("victim", transport);

            transport.listener.onFatalError(new StackOverflowError("simulated"));
            transport.listener.onFatalError(new OutOfMemoryError("second"));
            net.run(Duration.ofMillis(10));

            assertThat(victim.failure()).hasValueSatisfying(failure -> {
                assertThat(failure.component()).isEqualTo("transport mem");
                assertThat(failure.reason()).isEqualTo("java.lang.StackOverflowError: simulated");
            });
            assertThat(victim.metrics().get("fatal-errors")).isEqualTo(2);
        }
    }

    /** A discovery whose start runs out of memory, on the agent thread. */
    private static final class ThrowingDiscoveryProvider implements DiscoveryProvider {
        @Override
        public String id() {
            return "throwing";
        }

        @Override
        public Discovery create(DiscoveryContext context) {
            return new IdleDiscovery() {
                @Override
                public void start(long nowMillis) {
                    throw new OutOfMemoryError("simulated");
                }
            };
        }
    }
}
