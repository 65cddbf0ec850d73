package org.tomprotocol.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tomprotocol.core.engine.EngineTestSupport.envelope;
import static org.tomprotocol.core.engine.EngineTestSupport.node;
import static org.tomprotocol.core.engine.EngineTestSupport.verified;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.AckPayload;
import org.tomprotocol.core.wire.AckType;
import org.tomprotocol.core.wire.Envelope;
import org.tomprotocol.core.wire.MessageType;
import org.tomprotocol.core.wire.ReadReceiptPayload;
import org.tomprotocol.spi.state.ExpiringSet;

class RouterTest {
    private static final long NOW = 1_800_000_000_000L;
    private final NodeId local = node(1);
    private final NodeId alice = node(2);
    private final NodeId bob = node(3);
    private final Router router = new Router(local);

    private Routing route(Envelope envelope, byte[] nonce) {
        return router.route(verified(envelope, alice, nonce), NOW);
    }

    @Test
    void deliversAMessageForThisNodeOnceAndReacknowledgesItsRetries() {
        Envelope chat = envelope(MessageType.Chat, alice, local, List.of(), new byte[] {9}, NOW);
        assertThat(route(chat, new byte[24])).isInstanceOf(Routing.Deliver.class);
        assertThat(route(chat, new byte[24])).isInstanceOf(Routing.Reacknowledge.class);
    }

    @Test
    void theSameIdFromAnotherSenderIsADifferentMessage() {
        Envelope fromAlice = envelope(MessageType.Chat, alice, local, List.of(), new byte[] {9}, NOW);
        Envelope fromBob = new Envelope(fromAlice.id(), bob, local, List.of(), MessageType.Chat, new byte[] {9}, NOW,
                new byte[0], 4, false);
        assertThat(route(fromAlice, null)).isInstanceOf(Routing.Deliver.class);
        assertThat(route(fromBob, null)).isInstanceOf(Routing.Deliver.class);
    }

    @Test
    void aReusedNonceUnderANewIdIsRejected() {
        byte[] nonce = new byte[24];
        nonce[0] = 7;
        assertThat(route(envelope(MessageType.Chat, alice, local, List.of(), new byte[] {1}, NOW), nonce))
                .isInstanceOf(Routing.Deliver.class);
        assertThat(route(envelope(MessageType.Chat, alice, local, List.of(), new byte[] {1}, NOW), nonce.clone()))
                .isEqualTo(new Routing.Reject("replayed-nonce"));
    }

    @Test
    void forwardsOnlyWhenNamedInViaToTheNextHop() {
        Envelope relayed = envelope(MessageType.Chat, alice, bob, List.of(local, node(9)), new byte[] {1}, NOW);
        Routing.Forward forward = (Routing.Forward) route(relayed, null);
        assertThat(forward.nextHop()).isEqualTo(node(9));
        assertThat(forward.acknowledge()).isTrue();
        Envelope last = envelope(MessageType.Chat, alice, bob, List.of(node(9), local), new byte[] {1}, NOW);
        assertThat(((Routing.Forward) route(last, null)).nextHop()).isEqualTo(bob);
        Envelope notForUs = envelope(MessageType.Chat, alice, bob, List.of(), new byte[] {1}, NOW);
        assertThat(route(notForUs, null)).isEqualTo(new Routing.Reject("not-addressed-here"));
    }

    @Test
    void acknowledgementsAreForwardedWithoutARelayAcknowledgementOfTheirOwn() {
        Envelope ack = envelope(MessageType.Ack, bob, alice, List.of(local),
                new AckPayload(MessageId.random(), AckType.RecipientReceived).encode(), NOW);
        assertThat(((Routing.Forward) route(ack, null)).acknowledge()).isFalse();
    }

    @Test
    void rejectsTooManyRelaysExhaustedTtlLoopsAndBadTimestamps() {
        List<NodeId> five = List.of(local, node(5), node(6), node(7), node(8));
        assertThat(route(envelope(MessageType.Chat, alice, bob, five, new byte[0], NOW), null))
                .isEqualTo(new Routing.Reject("too-many-relays"));
        Envelope noTtl = envelope(MessageType.Chat, alice, bob, List.of(local), new byte[0], NOW).withTtl(0);
        assertThat(route(noTtl, null)).isEqualTo(new Routing.Reject("ttl-exhausted"));
        Envelope loop = envelope(MessageType.Chat, alice, bob, List.of(local, node(5), local), new byte[0], NOW);
        assertThat(route(loop, null)).isEqualTo(new Routing.Reject("routing-loop"));
        assertThat(route(envelope(MessageType.Chat, alice, local, List.of(), new byte[0], NOW + 300_001), null))
                .isEqualTo(new Routing.Reject("future-timestamp"));
        assertThat(route(envelope(MessageType.Chat, alice, local, List.of(), new byte[0], NOW - 86_400_001), null))
                .isEqualTo(new Routing.Reject("expired"));
        assertThat(route(envelope(MessageType.Chat, alice, local, List.of(), new byte[0], NOW - 86_399_000), null))
                .isInstanceOf(Routing.Deliver.class);
    }

    @Test
    void acknowledgementsAndReceiptsCannotBeReplayed() {
        AckPayload payload = new AckPayload(MessageId.random(), AckType.RecipientReceived);
        assertThat(route(envelope(MessageType.Ack, bob, local, List.of(), payload.encode(), NOW), null))
                .isEqualTo(new Routing.Acknowledged(payload, bob));
        assertThat(route(envelope(MessageType.Ack, bob, local, List.of(), payload.encode(), NOW), null))
                .isEqualTo(new Routing.Reject("replayed-ack"));
        AckPayload relayAck = new AckPayload(payload.originalMessageId(), AckType.RelayForwarded);
        assertThat(route(envelope(MessageType.Ack, bob, local, List.of(), relayAck.encode(), NOW), null))
                .isInstanceOf(Routing.Acknowledged.class);
        ReadReceiptPayload receipt = new ReadReceiptPayload(payload.originalMessageId(), NOW + 99_999_999);
        Routing read = route(envelope(MessageType.ReadReceipt, bob, local, List.of(), receipt.encode(), NOW), null);
        assertThat(((Routing.Read) read).readAt()).as("clamped to now").isEqualTo(NOW);
        assertThat(route(envelope(MessageType.ReadReceipt, bob, local, List.of(), receipt.encode(), NOW), null))
                .isEqualTo(new Routing.Reject("replayed-ack"));
    }

    @Test
    void anAcknowledgementReplayedHoursLaterWhileItsEnvelopeIsAcceptedIsStillRefused() {
        AckPayload payload = new AckPayload(MessageId.random(), AckType.RecipientReceived);
        Envelope ack = envelope(MessageType.Ack, bob, local, List.of(), payload.encode(), NOW);
        assertThat(router.route(verified(ack, alice, null), NOW)).isInstanceOf(Routing.Acknowledged.class);
        router.purge(NOW + 23 * 3_600_000L);

        assertThat(router.route(verified(ack, alice, null), NOW + 23 * 3_600_000L))
                .isEqualTo(new Routing.Reject("replayed-ack"));
    }

    @Test
    void typesThisEngineDoesNotHandleAreRejectedWithAReason() {
        assertThat(route(envelope(MessageType.GroupHubPing, alice, local, List.of(), new byte[0], NOW), null))
                .isEqualTo(new Routing.Reject("unsupported-type"));
        assertThat(route(envelope(MessageType.Heartbeat, alice, local, List.of(), new byte[0], NOW), null))
                .isEqualTo(new Routing.KeepAlive(alice));
    }

    @Test
    void signallingIsRelayedWithoutAcknowledgementAndTakenHereOnce() {
        byte[] offer = new org.tomprotocol.core.wire.SignalPayload(new org.tomprotocol.spi.transport.Signal("s1",
                org.tomprotocol.spi.transport.Signal.Kind.OFFER, "v=0")).encode();
        Envelope forBob = envelope(MessageType.Signal, alice, bob, List.of(local), offer, NOW);
        Routing relayed = route(forBob, null);
        assertThat(relayed).isInstanceOf(Routing.Forward.class);
        assertThat(((Routing.Forward) relayed).acknowledge()).as("no relay ACK: signalling is not a message").isFalse();

        Envelope forHere = envelope(MessageType.Signal, alice, local, List.of(), offer, NOW);
        assertThat(route(forHere, null)).isEqualTo(new Routing.Signalled(alice,
                new org.tomprotocol.spi.transport.Signal("s1", org.tomprotocol.spi.transport.Signal.Kind.OFFER, "v=0")));
        assertThat(route(forHere, null)).isEqualTo(new Routing.Reject("replayed-signal"));
    }

    @Test
    void onlyANeighbourMayIntroducePeersAndNotTooOften() {
        byte[] payload = new org.tomprotocol.core.wire.RendezvousPayload(bob,
                List.of(org.tomprotocol.api.TransportAddress.parse("quic:203.0.113.7:7400"))).encode();
        Envelope fromNeighbour = envelope(MessageType.Rendezvous, alice, local, List.of(), payload, NOW);
        assertThat(route(fromNeighbour, null)).isInstanceOf(Routing.Introduced.class);
        Envelope again = envelope(MessageType.Rendezvous, alice, local, List.of(), payload, NOW);
        assertThat(route(again, null)).isEqualTo(new Routing.Reject("rendezvous-too-soon"));
        Envelope relayed = envelope(MessageType.Rendezvous, bob, local, List.of(), payload, NOW);
        assertThat(router.route(verified(relayed, alice, null), NOW + 5_000))
                .as("signed by bob but handed over by alice").isEqualTo(new Routing.Reject("indirect-rendezvous"));
    }

    @Test
    void theDedupCacheIsBoundedAndForgetsAfterItsTtl() {
        ExpiringSet<String> cache = new ExpiringSet<>(1_000, 3);
        assertThat(cache.add("a", 0)).isTrue();
        assertThat(cache.add("a", 999)).isFalse();
        assertThat(cache.add("a", 1_000)).isTrue();
        cache.add("b", 1_001);
        cache.add("c", 1_002);
        cache.add("d", 1_003);
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.contains("a", 1_003)).as("oldest evicted at capacity").isFalse();
    }

    @Test
    void afterTwentyFourHoursTheRouterRemembersNothingOfTheMessagesItSaw() {
        Envelope chat = envelope(MessageType.Chat, alice, local, List.of(), new byte[] {9}, NOW);
        router.route(verified(chat, alice, new byte[] {1, 2, 3}), NOW);
        router.route(verified(chat, alice, new byte[] {1, 2, 3}), NOW + 1);
        AckPayload ack = new AckPayload(MessageId.random(), AckType.RecipientReceived);
        router.route(verified(envelope(MessageType.Ack, bob, local, List.of(), ack.encode(), NOW), alice, null), NOW);
        assertThat(router.messagesHeld()).isPositive();

        router.purge(NOW + java.time.Duration.ofHours(24).plusMinutes(2).toMillis());

        assertThat(router.messagesHeld()).isZero();
    }
}
