package org.tomprotocol.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.core.engine.ProtocolConstants;
import org.tomprotocol.core.wire.AckType;
import org.tomprotocol.core.wire.Envelope;
import org.tomprotocol.core.wire.MessageType;

/**
 * Attack 1 of issue 12, the relay black-hole: a peer that acknowledges forwarding and then drops the message.
 * Alice reaches bob — never directly: they are partitioned, as behind two symmetric NATs — through an honest
 * relay or through mallory, whom she hears from most recently and who sprays forged "forwarded"
 * acknowledgements to look proven. An honest mallory carries the traffic (so the
 * setup does route through her); a dropping one costs one message one {@value ProtocolConstants#RELAYED_ACK_TIMEOUT_MS}
 * ms wait and never gets another.
 */
class HostileRelayTest {
    private static final int MESSAGES = 20;
    private static final int FORGED_RELAY_ACKS = 50;

    private SimulatedNetwork net;
    private TomNode alice;
    private TomNode relay;
    private TomNode bob;
    private final List<OutboundMessage> sent = new ArrayList<>();
    private HostilePeer mallory;

    private void setUp(long seed) throws Exception {
        net = new SimulatedNetwork(seed);
        SimulatedNetwork.RelayedPair pair = net.relayedPair();
        alice = pair.alice();
        relay = pair.relay();
        bob = pair.bob();
        net.network.partition(List.of(alice.id()), List.of(bob.id()));
        mallory = new HostilePeer(net, "mallory");
        mallory.connect(alice);
        mallory.connect(bob);
        net.run(Duration.ofMillis(100));
        for (int i = 0; i < FORGED_RELAY_ACKS; i++) {
            Envelope neverSent = Envelope.unsigned(MessageId.random(), alice.id(), bob.id(), List.of(mallory.id()),
                    MessageType.Chat, new byte[0], net.runtime.nowMillis(), true);
            mallory.acknowledge(neverSent, AckType.RelayForwarded, List.of());
        }
        net.run(Duration.ofMillis(100));
    }

    /** Sends the messages one after the other; returns how long each took to be delivered (virtual ms). */
    private List<Long> sendOneByOne() {
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            long start = net.runtime.nowMillis();
            OutboundMessage message = alice.send(bob.id(), ("message " + i).getBytes(StandardCharsets.UTF_8));
            sent.add(message);
            assertThat(runWhileMalloryLooksAlive(() -> message.status() == MessageStatus.DELIVERED,
                    Duration.ofSeconds(10))).as("message %d delivered", i).isTrue();
            latencies.add(net.runtime.nowMillis() - start);
        }
        return latencies;
    }

    /** Mallory keeps being the peer alice and bob heard from last, so she is never passed over for silence. */
    private boolean runWhileMalloryLooksAlive(BooleanSupplier done, Duration timeout) {
        long end = net.runtime.nowMillis() + timeout.toMillis();
        while (!done.getAsBoolean() && net.runtime.nowMillis() < end) {
            mallory.heartbeat(alice.id());
            mallory.heartbeat(bob.id());
            net.runUntil(done, Duration.ofMillis(100));
        }
        return done.getAsBoolean();
    }

    private long chatsMalloryWasGiven() {
        return mallory.received().stream()
                .filter(e -> e.type() == MessageType.Chat && e.from().equals(alice.id())).count();
    }


    @Test
    void anHonestMalloryCarriesTheTrafficSoTheSetupRoutesThroughHer() throws Exception {
        setUp(11);
        mallory.onEnvelope((hop, envelope) -> {
            if (envelope.via().contains(mallory.id())) {
                mallory.relay(envelope);
            }
        });

        List<Long> latencies = sendOneByOne();

        assertThat(chatsMalloryWasGiven()).isGreaterThanOrEqualTo(MESSAGES - 1);
        assertThat(sent.subList(1, MESSAGES)).allSatisfy(m -> assertThat(m.path()).containsExactly(mallory.id()));
        assertThat(latencies).allSatisfy(ms -> assertThat(ms).isLessThan(1_000));
        assertThat(net.inbox(bob)).hasSize(MESSAGES);
        net.close();
    }

    @Test
    void aRelayThatAcknowledgesAndDropsLosesTheTrafficAfterItsFirstLossAndEveryMessageIsDelivered() throws Exception {
        setUp(12);
        mallory.onEnvelope((hop, envelope) -> {
            if (envelope.type() == MessageType.Chat && envelope.via().contains(mallory.id())) {
                mallory.acknowledge(envelope, AckType.RelayForwarded, List.of());
            }
        });

        List<Long> latencies = sendOneByOne();

        assertThat(chatsMalloryWasGiven()).as("only the first message, before any outcome was known").isEqualTo(1);
        assertThat(latencies.get(0)).isBetween(ProtocolConstants.RELAYED_ACK_TIMEOUT_MS,
                ProtocolConstants.RELAYED_ACK_TIMEOUT_MS + 1_000);
        assertThat(latencies.subList(1, MESSAGES)).allSatisfy(ms -> assertThat(ms).isLessThan(1_000));
        assertThat(sent).allSatisfy(m -> assertThat(m.path()).as("no direct path: relayed, by the honest relay")
                .containsExactly(relay.id()));
        assertThat(net.inbox(bob)).hasSize(MESSAGES);
        assertThat(alice.metrics().get("unmatched-relay-ack"))
                .as("forged acknowledgements of messages never sent through mallory earn nothing")
                .isEqualTo(FORGED_RELAY_ACKS);
        net.close();
    }
}
