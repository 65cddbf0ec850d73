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
 * Lock 5 between real engines on the virtual in-memory network (docs/roles.md): a node that floods a recipient, or a
 * relay, far past its budget is told the price; what it sends unstamped past twice its budget waits unhandled, what
 * it sends with the stamp asked goes through — slowed, never cut off: every message arrives in the end.
 */
class PricedFloodTest {
    private static final int FLOOD = 600;

    private static List<OutboundMessage> flood(TomNode from, TomNode to) {
        List<OutboundMessage> sent = new ArrayList<>();
        for (int i = 0; i < FLOOD; i++) {
            sent.add(from.send(to.id(), ("flood " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return sent;
    }

    private static boolean allDelivered(List<OutboundMessage> sent) {
        return sent.stream().allMatch(message -> message.status() == MessageStatus.DELIVERED);
    }

    @Test
    void aFlooderIsToldThePriceAndEveryMessageItStampsGetsThrough() {
        try (SimulatedNetwork net = new SimulatedNetwork(41)) {
            TomNode alice = net.node("alice");
            TomNode bob = net.node("bob");
            net.link(alice, bob);
            net.run(Duration.ofMillis(100));

            List<OutboundMessage> sent = flood(alice, bob);

            assertThat(net.runUntil(() -> allDelivered(sent), Duration.ofMinutes(10))).as("slowed, not cut off")
                    .isTrue();
            assertThat(net.inbox(bob)).hasSize(FLOOD);
            assertThat(bob.metrics().get("prices-told")).isPositive();
            assertThat(bob.metrics().get("rejected.unpaid-stamp")).as("unstamped past twice the budget").isPositive();
            assertThat(alice.metrics().get("prices-received")).isPositive();
            assertThat(alice.metrics().get("stamps-minted")).isPositive();
        }
    }

    @Test
    void eachSideSeesTheStampAskedInItsStandingsAndTheAskFadesOnceTheFloodStops() {
        try (SimulatedNetwork net = new SimulatedNetwork(43)) {
            TomNode alice = net.node("alice");
            TomNode bob = net.node("bob");
            net.link(alice, bob);
            net.run(Duration.ofMillis(100));

            List<OutboundMessage> sent = flood(alice, bob);
            net.run(Duration.ofSeconds(2));

            org.tomprotocol.api.PeerStanding bobSeesAlice = net.await(bob.standings()).stream()
                    .filter(standing -> standing.peer().equals(alice.id())).findFirst().orElseThrow();
            org.tomprotocol.api.PeerStanding aliceSeesBob = net.await(alice.standings()).stream()
                    .filter(standing -> standing.peer().equals(bob.id())).findFirst().orElseThrow();
            assertThat(bobSeesAlice.stampBitsAsked()).as("bob prices alice's flood").isPositive();
            assertThat(aliceSeesBob.stampBitsAskedOfThis()).as("alice was told").isPositive();
            assertThat(bobSeesAlice.contribution()).as("alice did nothing for bob").isZero();

            assertThat(net.runUntil(() -> allDelivered(sent), Duration.ofMinutes(10))).isTrue();
            net.run(Duration.ofMinutes(2));
            assertThat(net.await(alice.standings())).filteredOn(standing -> standing.peer().equals(bob.id()))
                    .singleElement().extracting(org.tomprotocol.api.PeerStanding::stampBitsAskedOfThis)
                    .as("free again").isEqualTo(0);
        }
    }

    @Test
    void aRelayPricesTheOriginAndPassesItsStampOnToTheRecipientThatAskedForItToo() {
        try (SimulatedNetwork net = new SimulatedNetwork(42)) {
            SimulatedNetwork.RelayedPair pair = net.relayedPair();
            TomNode alice = pair.alice(), relay = pair.relay(), bob = pair.bob();

            List<OutboundMessage> sent = flood(alice, bob);

            assertThat(net.runUntil(() -> allDelivered(sent), Duration.ofMinutes(10))).isTrue();
            assertThat(net.inbox(bob)).hasSize(FLOOD);
            assertThat(relay.metrics().get("prices-told")).as("the relay priced alice").isPositive();
            assertThat(relay.metrics().get("rejected.unpaid-stamp")).isPositive();
            assertThat(alice.metrics().get("stamps-minted")).isPositive();
            assertThat(bob.metrics().get("rejected.unpaid-stamp")).as("the stamps reached bob").isLessThan(FLOOD);
        }
    }

    /**
     * Mallory replays a chat alice sent bob ({@code hoursLater} after it), 500 times a second; meanwhile alice sends
     * bob a new one, which arrives within a second: replays raise nobody's price.
     */
    private static void aReplayedChatRaisesNobodysPrice(long hoursLater) throws Exception {
        try (SimulatedNetwork net = new SimulatedNetwork(77)) {
            TomNode alice = net.node("alice");
            TomNode bob = net.node("bob");
            net.link(alice, bob);
            HostilePeer mallory = new HostilePeer(net, "mallory");
            mallory.connect(bob);
            List<byte[]> chats = HostilePeer.capturedChats(net, bob);
            OutboundMessage first = alice.send(bob.id(), "hello".getBytes(StandardCharsets.UTF_8));
            assertThat(net.runUntil(() -> first.status() == MessageStatus.DELIVERED, Duration.ofSeconds(5))).isTrue();
            net.run(Duration.ofHours(hoursLater));
            mallory.heartbeat(bob.id());
            OutboundMessage second = null;
            for (int tick = 0; tick < 400; tick++) {
                for (int i = 0; i < 50; i++) {
                    mallory.sendFrame(bob.id(), chats.get(0));
                }
                if (tick == 300) {
                    second = alice.send(bob.id(), "are you there?".getBytes(StandardCharsets.UTF_8));
                }
                net.run(Duration.ofMillis(100));
            }

            assertThat(second.status()).as("alice's new chat, during 30 s of replays").isEqualTo(MessageStatus.DELIVERED);
            assertThat(bob.metrics().get("prices-told")).isZero();
            assertThat(alice.metrics().get("stamps-minted")).isZero();
        }
    }

    @Test
    void replaysOfAChatAlreadyDeliveredRaiseNobodysPrice() throws Exception {
        aReplayedChatRaisesNobodysPrice(0);
    }

    @Test
    void replaysOfAnExpiredChatRaiseNobodysPrice() throws Exception {
        aReplayedChatRaisesNobodysPrice(25);
    }

    @Test
    void aSenderWithinItsBudgetPaysNothing() {
        try (SimulatedNetwork net = new SimulatedNetwork(43)) {
            TomNode alice = net.node("alice");
            TomNode bob = net.node("bob");
            net.link(alice, bob);
            net.run(Duration.ofMillis(100));
            List<OutboundMessage> sent = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                sent.add(alice.send(bob.id(), ("calm " + i).getBytes(StandardCharsets.UTF_8)));
                net.run(Duration.ofMillis(200));
            }

            assertThat(net.runUntil(() -> allDelivered(sent), Duration.ofSeconds(30))).isTrue();
            assertThat(bob.metrics().get("prices-told")).isZero();
            assertThat(alice.metrics().get("stamps-minted")).isZero();
        }
    }
}
