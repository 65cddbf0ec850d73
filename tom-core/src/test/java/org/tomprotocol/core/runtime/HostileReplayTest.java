package org.tomprotocol.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.core.engine.ProtocolConstants;
import org.tomprotocol.core.wire.MessageType;

/**
 * Attack 9 of issue 12: a peer that saw a chat (a relay, say) sends it again hours later, while its envelope
 * is still within the 24 h acceptance window. The recipient acknowledges it again and never delivers it twice —
 * plaintext chats (which Gen-2 nodes may send) included, which no nonce check covers.
 */
class HostileReplayTest {

    @Test
    void aChatReplayedHoursLaterIsAcknowledgedAgainButNeverDeliveredTwice() throws Exception {
        try (SimulatedNetwork net = new SimulatedNetwork(51)) {
            TomNode alice = net.node("alice");
            TomNode victim = net.node("victim");
            net.link(alice, victim);
            HostilePeer mallory = new HostilePeer(net, "mallory");
            mallory.connect(victim);
            List<byte[]> chats = HostilePeer.capturedChats(net, victim);
            OutboundMessage sent = alice.send(victim.id(), "pay bob 10".getBytes(StandardCharsets.UTF_8));
            assertThat(net.runUntil(() -> sent.status() == MessageStatus.DELIVERED, Duration.ofSeconds(5))).isTrue();
            long duplicatesBefore = victim.metrics().get("duplicates");

            for (Duration later : List.of(Duration.ofMinutes(11), Duration.ofHours(6), Duration.ofHours(12))) {
                net.run(later);
                mallory.sendFrame(victim.id(), chats.get(0));
                net.run(Duration.ofSeconds(1));
            }

            assertThat(net.inbox(victim)).hasSize(1);
            assertThat(victim.metrics().get("duplicates") - duplicatesBefore).isEqualTo(3);
        }
    }

    @Test
    void aPlaintextChatReplayedHoursLaterIsAcknowledgedAgainButNeverDeliveredTwice() throws Exception {
        try (SimulatedNetwork net = new SimulatedNetwork(53)) {
            TomNode victim = net.node("victim");
            HostilePeer gen2 = new HostilePeer(net, "gen2");
            gen2.connect(victim);
            HostilePeer mallory = new HostilePeer(net, "mallory");
            mallory.connect(victim);
            net.run(Duration.ofMillis(100));
            org.tomprotocol.core.wire.Envelope plaintext = org.tomprotocol.core.wire.Envelope.unsigned(
                    org.tomprotocol.api.MessageId.random(), gen2.id(), victim.id(), List.of(), MessageType.Chat,
                    "pay bob 10".getBytes(StandardCharsets.UTF_8), net.runtime.nowMillis(), false);
            byte[] frame = gen2.sign(plaintext);
            gen2.sendFrame(victim.id(), frame);
            net.run(Duration.ofSeconds(1));
            assertThat(net.inbox(victim)).hasSize(1);

            for (Duration later : List.of(Duration.ofMinutes(11), Duration.ofHours(6), Duration.ofHours(12))) {
                net.run(later);
                mallory.heartbeat(victim.id());
                mallory.sendFrame(victim.id(), frame);
                net.run(Duration.ofSeconds(1));
            }

            assertThat(net.inbox(victim)).hasSize(1);
            assertThat(victim.metrics().get("duplicates")).isEqualTo(3);
        }
    }

    @Test
    void aChatReplayedOverAndOverIsAcknowledgedAFewTimesThenRefusedAndCharged() throws Exception {
        try (SimulatedNetwork net = new SimulatedNetwork(54)) {
            TomNode victim = net.node("victim");
            HostilePeer mallory = new HostilePeer(net, "mallory");
            mallory.connect(victim);
            net.run(Duration.ofMillis(100));
            byte[] frame = mallory.sign(mallory.chat(victim.id(), "once"));

            for (int copy = 0; copy < 30; copy++) {
                mallory.sendFrame(victim.id(), frame);
                net.run(Duration.ofMillis(50));
            }

            assertThat(net.inbox(victim)).hasSize(1);
            assertThat(victim.metrics().get("duplicates")).isEqualTo(ProtocolConstants.HONEST_COPIES);
            assertThat(victim.metrics().get("rejected.replayed-message"))
                    .isEqualTo(29 - ProtocolConstants.HONEST_COPIES);
        }
    }

    @Test
    void aDifferentMessageWithTheSameTextIsDeliveredAsANewOne() {
        try (SimulatedNetwork net = new SimulatedNetwork(52)) {
            TomNode alice = net.node("alice");
            TomNode victim = net.node("victim");
            net.link(alice, victim);
            OutboundMessage first = alice.send(victim.id(), "pay bob 10".getBytes(StandardCharsets.UTF_8));
            net.run(Duration.ofHours(6));
            OutboundMessage second = alice.send(victim.id(), "pay bob 10".getBytes(StandardCharsets.UTF_8));
            assertThat(net.runUntil(() -> second.status() == MessageStatus.DELIVERED, Duration.ofSeconds(5))).isTrue();

            assertThat(first.status()).isEqualTo(MessageStatus.DELIVERED);
            assertThat(net.inbox(victim)).hasSize(2);
        }
    }
}
