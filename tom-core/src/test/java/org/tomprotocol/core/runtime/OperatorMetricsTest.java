package org.tomprotocol.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.NodeMetrics;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.PathChange;
import org.tomprotocol.api.PathKind;
import org.tomprotocol.api.StatusChange;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.crypto.TomV1CryptoSuiteProvider;

/**
 * What an operator reads off real nodes on the virtual in-memory network: messages by outcome, the time from
 * send to delivered, relay work, path changes, crypto times, queue depths and peers.
 */
class OperatorMetricsTest {
    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> outcome(String value) {
        return Map.of("outcome", value);
    }

    private static NodeMetrics.Histogram histogram(TomNode node, String name, Map<String, String> labels) {
        return node.metrics().histogram(name, labels).orElseThrow(() -> new AssertionError("no histogram " + name
                + labels + " in " + node.metrics()));
    }

    private static long gauge(TomNode node, String name, Map<String, String> labels) {
        return node.metrics().gauge(name, labels).orElseThrow(() -> new AssertionError("no gauge " + name + labels))
                .value();
    }

    @Test
    void aDeliveredMessageIsCountedByOutcomeWithItsTimeFromSendToDelivered() {
        try (SimulatedNetwork net = new SimulatedNetwork(31)) {
            TomNode alice = net.node("alice");
            TomNode bob = net.node("bob");
            net.link(alice, bob);
            net.run(Duration.ofMillis(100));

            OutboundMessage sent = alice.send(bob.id(), text("hello bob"));
            assertThat(net.runUntil(() -> sent.status() == MessageStatus.DELIVERED, Duration.ofSeconds(5))).isTrue();
            net.run(Duration.ofMillis(10));

            NodeMetrics metrics = alice.metrics();
            assertThat(metrics.counter("messages_sent", Map.of())).isEqualTo(1);
            assertThat(metrics.counter("messages", outcome("delivered"))).isEqualTo(1);
            assertThat(metrics.total("messages")).isEqualTo(1);
            Duration expected = Duration.between(sent.timeline().getFirst().at(), sent.timeline().stream()
                    .filter(change -> change.current() == MessageStatus.DELIVERED).map(StatusChange::at)
                    .findFirst().orElseThrow());
            assertThat(expected).as("a round trip on 5 ms links").isPositive();
            NodeMetrics.Histogram delivery = histogram(alice, "delivery_seconds", Map.of());
            assertThat(delivery.count()).isEqualTo(1);
            assertThat(delivery.sum()).isCloseTo(expected.toNanos() / 1e9, within(1e-9));
            assertThat(bob.metrics().counter("messages_received", Map.of())).isEqualTo(1);
            assertThat(gauge(alice, "messages_in_flight", Map.of())).isZero();
        }
    }

    @Test
    void cryptoIsTimedWhereItRunsSealAndSignAtTheSenderOpenAndVerifyAtTheRecipient() {
        try (SimulatedNetwork net = new SimulatedNetwork(32)) {
            TomNode alice = net.node("alice");
            TomNode bob = net.node("bob");
            net.link(alice, bob);
            net.run(Duration.ofMillis(100));
            long opensBefore = histogram(bob, "crypto_seconds", Map.of("operation", "open")).count();

            OutboundMessage sent = alice.send(bob.id(), text("sealed"));
            assertThat(net.runUntil(() -> sent.status() == MessageStatus.DELIVERED, Duration.ofSeconds(5))).isTrue();

            assertThat(histogram(alice, "crypto_seconds", Map.of("operation", "seal")).count()).isEqualTo(1);
            assertThat(histogram(alice, "crypto_seconds", Map.of("operation", "sign")).count()).isPositive();
            assertThat(histogram(bob, "crypto_seconds", Map.of("operation", "open")).count() - opensBefore)
                    .isEqualTo(1);
            NodeMetrics.Histogram verify = histogram(bob, "crypto_seconds", Map.of("operation", "verify"));
            assertThat(verify.count()).isPositive();
            assertThat(verify.sum()).as("real time spent verifying").isPositive();
            assertThat(verify.buckets().getLast().cumulativeCount()).isEqualTo(verify.count());
        }
    }

    @Test
    void aMessageWithNoRouteIsCountedAsFailedWithItsReason() {
        try (SimulatedNetwork net = new SimulatedNetwork(33)) {
            TomNode alone = net.node("alone");
            var nobody = new TomV1CryptoSuiteProvider().suite().generateIdentity().id();

            OutboundMessage sent = alone.send(nobody, text("into the void"));
            assertThat(net.runUntil(() -> sent.status() == MessageStatus.FAILED, Duration.ofHours(25))).isTrue();

            NodeMetrics metrics = alone.metrics();
            assertThat(metrics.counter("messages", Map.of("outcome", "failed", "reason", "no-route"))).isEqualTo(1);
            assertThat(metrics.get("messages.failed.no-route")).isEqualTo(1);
            assertThat(metrics.counter("messages", outcome("delivered"))).isZero();
            assertThat(histogram(alone, "delivery_seconds", Map.of()).count()).isZero();
            assertThat(sent.delivered().toCompletableFuture()).isCompletedExceptionally();
        }
    }

    @Test
    void aReadReceiptIsCountedAsReadAfterDelivered() {
        try (SimulatedNetwork net = new SimulatedNetwork(34)) {
            TomNode alice = net.node("alice");
            TomNode bob = net.node("bob");
            net.link(alice, bob);
            net.run(Duration.ofMillis(100));

            OutboundMessage sent = alice.send(bob.id(), text("read me"));
            assertThat(net.runUntil(() -> net.inbox(bob).size() == 1, Duration.ofSeconds(5))).isTrue();
            bob.markRead(net.inbox(bob).getFirst());
            assertThat(net.runUntil(() -> sent.status() == MessageStatus.READ, Duration.ofSeconds(5))).isTrue();
            net.run(Duration.ofMillis(10));

            assertThat(alice.metrics().counter("messages", outcome("delivered"))).isEqualTo(1);
            assertThat(alice.metrics().counter("messages", outcome("read"))).isEqualTo(1);
        }
    }

    @Test
    void aRelayCountsItsWorkAndTheSenderCountsEachPathChangeByDirection() {
        try (SimulatedNetwork net = new SimulatedNetwork(35)) {
            SimulatedNetwork.RelayedPair pair = net.relayedPair();
            TomNode alice = pair.alice(), relay = pair.relay(), bob = pair.bob();

            OutboundMessage first = alice.send(bob.id(), text("through the relay"));
            assertThat(net.runUntil(() -> first.status().isDelivered(), Duration.ofSeconds(5))).isTrue();
            assertThat(net.runUntil(() -> net.events(alice).stream().anyMatch(PathChange.class::isInstance),
                    Duration.ofSeconds(5))).isTrue();
            net.run(Duration.ofMillis(10));

            NodeMetrics relayed = relay.metrics();
            assertThat(relayed.counter("relay_work", Map.of("work", "acknowledged"))).isEqualTo(1);
            assertThat(relayed.counter("relay_work", Map.of("work", "forwarded")))
                    .as("the message one way, the recipient's acknowledgement the other").isGreaterThanOrEqualTo(2);
            long toDirect = net.events(alice).stream().filter(PathChange.class::isInstance).map(PathChange.class::cast)
                    .filter(change -> change.from() == PathKind.RELAY && change.to() == PathKind.DIRECT).count();
            assertThat(toDirect).isEqualTo(1);
            assertThat(alice.metrics().counter("path_changes", Map.of("from", "relay", "to", "direct")))
                    .isEqualTo(toDirect);
            assertThat(alice.metrics().counter("path_changes", Map.of("from", "direct", "to", "relay"))).isZero();
        }
    }

    @Test
    void gaugesShowPeersSessionsMessagesInFlightAndQueues() {
        try (SimulatedNetwork net = new SimulatedNetwork(36)) {
            TomNode alice = net.node("alice");
            TomNode bob = net.node("bob");
            net.link(alice, bob);
            net.run(Duration.ofMillis(100));

            assertThat(gauge(alice, "peers", Map.of("state", "online"))).isEqualTo(1);
            assertThat(gauge(alice, "peers", Map.of("state", "offline"))).isZero();
            assertThat(gauge(alice, "sessions", Map.of())).isEqualTo(1);
            assertThat(gauge(alice, "queue_depth", Map.of("queue", "network"))).isZero();

            alice.send(bob.id(), text("one"));
            alice.send(bob.id(), text("two"));
            assertThat(gauge(alice, "messages_in_flight", Map.of())).isEqualTo(2);
            assertThat(gauge(alice, "queue_depth", Map.of("queue", "control")))
                    .as("both sends wait for the agent, which has not run yet").isEqualTo(2);

            assertThat(net.runUntil(() -> alice.metrics().counter("messages", outcome("delivered")) == 2,
                    Duration.ofSeconds(5))).isTrue();
            assertThat(gauge(alice, "messages_in_flight", Map.of())).isZero();
            assertThat(gauge(alice, "queue_depth", Map.of("queue", "control"))).isZero();
        }
    }
}
