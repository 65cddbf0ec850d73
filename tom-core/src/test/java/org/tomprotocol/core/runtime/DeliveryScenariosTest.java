package org.tomprotocol.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.DeliveryFailedException;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.StatusChange;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.core.engine.Path;
import org.tomprotocol.core.engine.ProtocolConstants;
import org.tomprotocol.core.wire.AckPayload;
import org.tomprotocol.core.wire.AckType;
import org.tomprotocol.core.wire.EnvelopeCodec;
import org.tomprotocol.core.wire.MessageType;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.testkit.LinkModel;

/** Delivery, acknowledgements, retries and reroutes with real engines on the virtual in-memory network. */
class DeliveryScenariosTest {

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static List<MessageStatus> statuses(OutboundMessage message) {
        return message.timeline().stream().map(StatusChange::current).toList();
    }

    @Test
    void twoNodesDeliverDirectlyAndTheRecipientAckCompletesTheMessage() {
        try (SimulatedNetwork net = new SimulatedNetwork(1)) {
            TomNode alice = net.node("alice");
            TomNode bob = net.node("bob");
            net.link(alice, bob);
            net.run(Duration.ofMillis(100));

            OutboundMessage sent = alice.send(bob.id(), text("hello bob"));
            assertThat(net.runUntil(() -> sent.status() == MessageStatus.DELIVERED, Duration.ofSeconds(5))).isTrue();

            assertThat(net.inbox(bob)).singleElement().satisfies(message -> {
                assertThat(new String(message.payload(), StandardCharsets.UTF_8)).isEqualTo("hello bob");
                assertThat(message.sender()).isEqualTo(alice.id());
                assertThat(message.id()).isEqualTo(sent.id());
                assertThat(message.encrypted()).isTrue();
                assertThat(message.relayHops()).isZero();
            });
            assertThat(statuses(sent)).containsExactly(MessageStatus.PENDING, MessageStatus.SENT, MessageStatus.DELIVERED);
            assertThat(sent.delivered().toCompletableFuture()).isCompleted();
        }
    }

    @Test
    void aRelayCarriesTheMessageAndOnlyTheRecipientAckMakesItDelivered() {
        try (SimulatedNetwork net = new SimulatedNetwork(2)) {
            SimulatedNetwork.RelayedPair pair = net.relayedPair();
            TomNode alice = pair.alice(), relay = pair.relay(), bob = pair.bob();

            OutboundMessage sent = alice.send(bob.id(), text("via relay"));
            assertThat(net.runUntil(() -> sent.status() == MessageStatus.DELIVERED, Duration.ofSeconds(5))).isTrue();

            assertThat(statuses(sent)).containsExactly(MessageStatus.PENDING, MessageStatus.SENT, MessageStatus.RELAYED,
                    MessageStatus.DELIVERED);
            assertThat(net.inbox(bob)).singleElement().satisfies(m -> assertThat(m.relayHops()).isEqualTo(1));
            assertThat(net.inbox(relay)).isEmpty();
            assertThat(relay.metrics().get("forwarded")).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aRelayAckAloneNeverMakesAMessageDelivered() {
        try (SimulatedNetwork net = new SimulatedNetwork(3)) {
            SimulatedNetwork.RelayedPair pair = net.relayedPair();
            TomNode alice = pair.alice(), relay = pair.relay(), bob = pair.bob();
            // every recipient acknowledgement is lost, also when carried as a proof of delivery to a backup holder: the
            // relay's own acknowledgement still arrives
            net.network.dropFrames((from, to, channel, frame) -> isAck(frame, AckType.RecipientReceived)
                    || isType(frame, MessageType.BackupConfirmDelivery));

            OutboundMessage sent = alice.send(bob.id(), text("unconfirmed"));
            net.run(Duration.ofSeconds(120));

            assertThat(statuses(sent)).contains(MessageStatus.RELAYED).doesNotContain(MessageStatus.DELIVERED);
            assertThat(sent.status()).as("still alive, still tried").isEqualTo(MessageStatus.RELAYED);
            assertThat(net.inbox(bob)).hasSize(1);
        }
    }

    @Test
    void aChainOfFourRelaysDelivers() {
        try (SimulatedNetwork net = new SimulatedNetwork(4)) {
            List<TomNode> chain = List.of(net.node("a"), net.node("r1"), net.node("r2"), net.node("r3"),
                    net.node("r4"), net.node("b"));
            for (int i = 0; i + 1 < chain.size(); i++) {
                net.link(chain.get(i), chain.get(i + 1));
            }
            net.run(Duration.ofMillis(200));
            TomNode sender = chain.get(0);
            TomNode recipient = chain.get(5);
            List<org.tomprotocol.api.NodeId> relays = chain.subList(1, 5).stream().map(TomNode::id).toList();

            OutboundMessage sent = sender.send(recipient.id(), text("four hops"),
                    org.tomprotocol.api.SendOptions.viaRelays(relays));
            assertThat(net.runUntil(() -> sent.status() == MessageStatus.DELIVERED, Duration.ofSeconds(5))).isTrue();

            assertThat(net.inbox(recipient)).singleElement().satisfies(m -> assertThat(m.relayHops()).isEqualTo(4));
            assertThat(statuses(sent)).contains(MessageStatus.RELAYED, MessageStatus.DELIVERED);
            assertThat(sent.path()).containsExactlyElementsOf(relays);
        }
    }

    @Test
    void fiveRelaysAreRejectedByTheFirstRelay() {
        try (SimulatedNetwork net = new SimulatedNetwork(5)) {
            List<TomNode> chain = List.of(net.node("a"), net.node("r1"), net.node("r2"), net.node("r3"),
                    net.node("r4"), net.node("r5"), net.node("b"));
            for (int i = 0; i + 1 < chain.size(); i++) {
                net.link(chain.get(i), chain.get(i + 1));
            }
            net.run(Duration.ofMillis(200));
            NodeFacade sender = (NodeFacade) chain.get(0);

            OutboundMessage sent = sender.sendVia(chain.get(6).id(), text("too far"),
                    new Path(chain.subList(1, 6).stream().map(TomNode::id).toList()));
            net.run(Duration.ofSeconds(100));

            assertThat(chain.get(1).metrics().get("rejected.too-many-relays")).isEqualTo(3);
            assertThat(net.inbox(chain.get(6))).isEmpty();
            assertThat(sent.status().isDelivered()).isFalse();
        }
    }

    @Test
    void aLostRelayAckLeavesTheMessageSentUntilTheRecipientAckDeliversIt() {
        try (SimulatedNetwork net = new SimulatedNetwork(6)) {
            SimulatedNetwork.RelayedPair pair = net.relayedPair();
            TomNode alice = pair.alice(), relay = pair.relay(), bob = pair.bob();
            net.network.dropFrames((from, to, channel, frame) -> isAck(frame, AckType.RelayForwarded));

            OutboundMessage sent = alice.send(bob.id(), text("relay ack lost"));
            assertThat(net.runUntil(() -> sent.status() == MessageStatus.DELIVERED, Duration.ofSeconds(5))).isTrue();

            assertThat(statuses(sent)).containsExactly(MessageStatus.PENDING, MessageStatus.SENT, MessageStatus.DELIVERED);
            assertThat(net.inbox(bob)).hasSize(1);
        }
    }

    @Test
    void aLostRecipientAckLeadsToARetryThatIsReacknowledgedAndDeliveredOnce() {
        try (SimulatedNetwork net = new SimulatedNetwork(7)) {
            TomNode alice = net.node("alice");
            TomNode bob = net.node("bob");
            net.link(alice, bob);
            net.run(Duration.ofMillis(100));
            AtomicInteger acksDropped = new AtomicInteger();
            net.network.dropFrames((from, to, channel, frame) ->
                    isAck(frame, AckType.RecipientReceived) && acksDropped.getAndIncrement() == 0);

            OutboundMessage sent = alice.send(bob.id(), text("ack lost once"));
            assertThat(net.runUntil(() -> sent.status() == MessageStatus.DELIVERED, Duration.ofSeconds(40))).isTrue();

            assertThat(acksDropped.get()).isEqualTo(2);
            assertThat(net.inbox(bob)).hasSize(1);
            assertThat(bob.metrics().get("duplicates")).isEqualTo(1);
            // a direct message whose acknowledgement is overdue is sent again at once, not at the 30 s deadline
            assertThat(net.runtime.now().toEpochMilli() - sent.timeline().get(0).at().toEpochMilli())
                    .isBetween(ProtocolConstants.DIRECT_ACK_TIMEOUT_MS, 30_000L);
        }
    }

    @Test
    void networkDuplicationGivesOneDeliveryToTheApplication() {
        try (SimulatedNetwork net = new SimulatedNetwork(8)) {
            net.network.defaultLink(LinkModel.builder().latencyMillis(5).duplication(1.0).build());
            TomNode alice = net.node("alice");
            TomNode bob = net.node("bob");
            net.link(alice, bob);
            net.run(Duration.ofMillis(100));

            List<OutboundMessage> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                sent.add(alice.send(bob.id(), text("dup " + i)));
            }
            assertThat(net.runUntil(() -> sent.stream().allMatch(m -> m.status() == MessageStatus.DELIVERED),
                    Duration.ofSeconds(5))).isTrue();
            net.run(Duration.ofSeconds(2));

            assertThat(net.inbox(bob)).hasSize(20);
            assertThat(net.inbox(bob).stream().map(m -> m.id()).distinct()).hasSize(20);
            assertThat(bob.metrics().get("duplicates")).isGreaterThanOrEqualTo(20);
        }
    }

    @Test
    void whenTheRelayDiesMidFlightTheMessageIsReroutedThroughAnotherRelay() {
        try (SimulatedNetwork net = new SimulatedNetwork(9)) {
            TomNode alice = net.node("alice");
            TomNode relay1 = net.node("relay1");
            TomNode relay2 = net.node("relay2");
            TomNode bob = net.node("bob");
            for (TomNode relay : List.of(relay1, relay2)) {
                net.link(alice, relay);
                net.link(bob, relay);
            }
            net.run(Duration.ofMillis(200));
            // whichever relay gets the message dies before forwarding it
            net.network.dropFrames((from, to, channel, frame) -> {
                if (channel == FrameChannel.ENVELOPE && from.equals(alice.id()) && isChat(frame)) {
                    net.network.crash(to);
                    return true;
                }
                return false;
            });

            OutboundMessage sent = alice.send(bob.id(), text("reroute me"));
            net.runUntil(() -> net.network.stats().framesSent() > 0 && sent.status() != MessageStatus.PENDING,
                    Duration.ofSeconds(1));
            net.network.dropFrames(null);
            assertThat(net.runUntil(() -> sent.status() == MessageStatus.DELIVERED, Duration.ofSeconds(20))).isTrue();

            assertThat(net.inbox(bob)).hasSize(1);
            assertThat(net.runtime.now().toEpochMilli() - sent.timeline().get(0).at().toEpochMilli())
                    .isLessThan(30_000);
        }
    }

    @Test
    void aMessageToAnOfflineRecipientStaysAliveForTwentyFourHoursThenFails() {
        try (SimulatedNetwork net = new SimulatedNetwork(10)) {
            TomNode alice = net.node("alice");
            TomNode bob = net.node("bob");
            net.link(alice, bob);
            net.run(Duration.ofMillis(100));
            net.network.crash(bob.id());

            OutboundMessage sent = alice.send(bob.id(), text("nobody home"));
            net.run(Duration.ofHours(23).plusMinutes(59));
            assertThat(sent.status()).as("alive until its 24 h are over").isEqualTo(MessageStatus.SENT);
            net.run(Duration.ofMinutes(2));

            assertThat(sent.status()).isEqualTo(MessageStatus.FAILED);
            assertThat(sent.delivered().toCompletableFuture())
                    .failsWithin(Duration.ZERO).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .havingCause().isInstanceOf(DeliveryFailedException.class)
                    .extracting(e -> ((DeliveryFailedException) e).reason())
                    .isEqualTo(DeliveryFailedException.Reason.NO_ACKNOWLEDGEMENT);
            long elapsed = sent.timeline().get(sent.timeline().size() - 1).at().toEpochMilli()
                    - sent.timeline().get(0).at().toEpochMilli();
            assertThat(elapsed).isBetween(Duration.ofHours(24).toMillis(), Duration.ofHours(24).plusSeconds(1).toMillis());
        }
    }

    @Test
    void aRecipientBackWithinTheLifetimeGetsTheMessageOnceSoonAfterItReturns() {
        try (SimulatedNetwork net = new SimulatedNetwork(12)) {
            TomNode alice = net.node("alice");
            TomNode bob = net.node("bob");
            net.link(alice, bob);
            net.run(Duration.ofMillis(100));
            net.network.partition(List.of(alice.id()), List.of(bob.id()));

            OutboundMessage sent = alice.send(bob.id(), text("while you were away"));
            net.run(Duration.ofHours(3));
            assertThat(sent.status().isDelivered()).isFalse();
            // bob comes back and rejoins through alice, as a restarted node does through its bootstrap peer
            net.network.heal();
            net.link(bob, alice);
            long backAt = net.runtime.now().toEpochMilli();

            assertThat(net.runUntil(() -> sent.status() == MessageStatus.DELIVERED, Duration.ofMinutes(15))).isTrue();
            assertThat(net.runtime.now().toEpochMilli() - backAt).as("sent when bob is back, not at the next round")
                    .isLessThan(1_000);
            net.run(Duration.ofMinutes(30));
            assertThat(net.inbox(bob)).hasSize(1);
        }
    }

    static boolean isAck(byte[] frame, AckType type) {
        try {
            var envelope = EnvelopeCodec.decode(frame).envelope();
            return envelope.type() == MessageType.Ack && AckPayload.decode(envelope.payload()).type() == type;
        } catch (Exception e) {
            return false;
        }
    }

    static boolean isType(byte[] frame, MessageType type) {
        try {
            return EnvelopeCodec.decode(frame).envelope().type() == type;
        } catch (Exception e) {
            return false;
        }
    }

    static boolean isChat(byte[] frame) {
        try {
            return EnvelopeCodec.decode(frame).envelope().type() == MessageType.Chat;
        } catch (Exception e) {
            return false;
        }
    }
}
