package org.tomprotocol.discovery.gossip.hyparview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tomprotocol.discovery.gossip.hyparview.RecordingMembership.addressesOf;
import static org.tomprotocol.discovery.gossip.hyparview.RecordingMembership.node;
import static org.tomprotocol.discovery.gossip.hyparview.RecordingMembership.peer;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame.Disconnect;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame.ForwardJoin;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame.Introduce;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame.Join;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame.KeepAlive;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame.NeighborAccept;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame.NeighborRequest;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame.Shuffle;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame.ShuffleReply;

class HyParViewTest {
    private static final long LONG_AGO = 0;
    private final RecordingMembership effects = new RecordingMembership();
    private final HyParViewConfig config = HyParViewConfig.DEFAULTS;
    private final HyParView view = new HyParView(node(0), config, new SplittableRandom(7), effects);

    /** Makes peers {@code from..to} active neighbours (each asks with high priority, which is never refused). */
    private void neighbors(int from, int to) {
        for (int n = from; n <= to; n++) {
            view.onFrame(node(n), new NeighborRequest(true, addressesOf(n)), LONG_AGO);
        }
    }

    /** Offers peers {@code from..to} to the passive view in introductions from the active neighbours, in turn. */
    private void passive(int from, int to) {
        passive(view, from, to);
    }

    private void passive(HyParView target, int from, int to) {
        List<NodeId> neighbours = target.activeView();
        int share = Math.min(config.passivePerSource(), config.introductions());
        for (int start = from, n = 0; start <= to; start += share, n++) {
            List<PeerAddress> chunk = IntStream.rangeClosed(start, Math.min(to, start + share - 1))
                    .mapToObj(RecordingMembership::peer).toList();
            target.onFrame(neighbours.get(n), new Introduce(chunk), LONG_AGO);
        }
    }

    @Test
    void aNewNodeJoinsThroughItsBootstrapPeerWithItsOwnAddresses() {
        view.start(List.of(peer(1)), 0);

        assertThat(effects.learned).contains(peer(1));
        assertThat(effects.sent).singleElement().satisfies(sent -> {
            assertThat(sent.to()).isEqualTo(node(1));
            assertThat(sent.frame()).isEqualTo(new Join(addressesOf(0)));
        });

        view.onFrame(node(1), new NeighborAccept(addressesOf(1)), 20);

        assertThat(view.activeView()).containsExactly(node(1));
        assertThat(effects.ups).containsExactly(node(1));
    }

    @Test
    void theContactTakesTheNewcomerInStartsJoinWalksAndIntroducesItToItsNeighboursAndThemToIt() {
        neighbors(1, 3);
        passive(4, 5);
        effects.clear();

        view.onFrame(node(9), new Join(addressesOf(9)), 100);

        assertThat(view.activeView()).contains(node(9));
        assertThat(effects.ups).containsExactly(node(9));
        assertThat(effects.recipientsOf(NeighborAccept.class)).containsExactly(node(9));
        assertThat(effects.recipientsOf(ForwardJoin.class)).containsExactlyInAnyOrder(node(1), node(2), node(3));
        assertThat(effects.sentOfType(ForwardJoin.class))
                .allSatisfy(walk -> assertThat(walk).isEqualTo(new ForwardJoin(peer(9), config.activeRandomWalkLength())));
        List<NodeId> introducedTo = effects.sent.stream()
                .filter(sent -> sent.frame().equals(new Introduce(List.of(peer(9))))).map(RecordingMembership.Sent::to)
                .toList();
        assertThat(introducedTo).as("neighbours take peer lists from neighbours only")
                .containsExactlyInAnyOrder(node(1), node(2), node(3));
        assertThat(effects.sent).filteredOn(sent -> sent.to().equals(node(9)) && sent.frame() instanceof Introduce)
                .singleElement().satisfies(sent -> assertThat(((Introduce) sent.frame()).peers())
                        .containsExactlyInAnyOrder(peer(1), peer(2), peer(3), peer(4), peer(5)));
    }

    @Test
    void anIntroductionTeachesAddressesAndFillsThePassiveView() {
        neighbors(1, 5);
        effects.clear();

        view.onFrame(node(1), new Introduce(List.of(peer(20), peer(21))), 10);

        assertThat(effects.learned).contains(peer(20), peer(21));
        assertThat(view.passiveView()).containsExactlyInAnyOrder(node(20), node(21));
    }

    @Test
    void aJoinWalkEndsWithAHighPriorityNeighbourRequestToTheNewcomer() {
        neighbors(1, 3);
        effects.clear();

        view.onFrame(node(1), new ForwardJoin(peer(9), 0), 10);

        assertThat(effects.learned).contains(peer(9));
        assertThat(effects.sent).singleElement().satisfies(sent -> {
            assertThat(sent.to()).isEqualTo(node(9));
            assertThat(sent.frame()).isEqualTo(new NeighborRequest(true, addressesOf(0)));
        });
    }

    @Test
    void aJoinWalkLeavesTheNewcomerInThePassiveViewAtThePassiveWalkLengthAndGoesOn() {
        neighbors(1, 3);
        effects.clear();

        view.onFrame(node(1), new ForwardJoin(peer(9), config.passiveRandomWalkLength()), 10);
        view.onFrame(node(1), new ForwardJoin(peer(10), config.passiveRandomWalkLength() + 1), 10);

        assertThat(view.passiveView()).containsExactly(node(9));
        assertThat(effects.sent).hasSize(2).allSatisfy(sent -> assertThat(sent.to()).isIn(node(2), node(3)));
        assertThat(effects.sentOfType(ForwardJoin.class)).containsExactly(
                new ForwardJoin(peer(9), config.passiveRandomWalkLength() - 1),
                new ForwardJoin(peer(10), config.passiveRandomWalkLength()));
    }

    @Test
    void aJoinWalkStopsAtANodeWithASingleNeighbour() {
        neighbors(1, 1);
        effects.clear();

        view.onFrame(node(1), new ForwardJoin(peer(9), 5), 10);

        assertThat(effects.sent).singleElement()
                .satisfies(sent -> assertThat(sent.frame()).isEqualTo(new NeighborRequest(true, addressesOf(0))));
    }

    @Test
    void aFullActiveViewRefusesLowPriorityButMakesRoomForHighPriority() {
        neighbors(1, 5);
        effects.clear();

        view.onFrame(node(6), new NeighborRequest(false, addressesOf(6)), 10);

        assertThat(effects.sent).containsExactly(new RecordingMembership.Sent(node(6), new Disconnect(true)));
        assertThat(view.activeView()).doesNotContain(node(6)).hasSize(5);
        assertThat(view.passiveView()).containsExactly(node(6));
        effects.clear();

        view.onFrame(node(7), new NeighborRequest(true, addressesOf(7)), 20);

        assertThat(view.activeView()).hasSize(5).contains(node(7));
        assertThat(effects.downs).singleElement().satisfies(evicted -> {
            assertThat(evicted).isIn(node(1), node(2), node(3), node(4), node(5));
            assertThat(effects.sent).contains(new RecordingMembership.Sent(evicted, new Disconnect(true)));
            assertThat(view.passiveView()).contains(evicted);
        });
        assertThat(effects.recipientsOf(NeighborAccept.class)).containsExactly(node(7));
    }

    @Test
    void aPassivePeerPromotedIntoAFullActiveViewKeepsItsAddress() {
        for (int seed = 0; seed < 200; seed++) {
            RecordingMembership recorder = new RecordingMembership();
            HyParView full = new HyParView(node(0), config, new SplittableRandom(seed), recorder);
            for (int n = 1; n <= 5; n++) {
                full.onFrame(node(n), new NeighborRequest(true, addressesOf(n)), 0);
            }
            passive(full, 6, 35);
            assertThat(full.passiveView()).hasSize(30);

            full.onFrame(node(20), new NeighborRequest(true, addressesOf(20)), 10);

            assertThat(full.activeView()).contains(node(20));
            assertThat(full.addressesOf(node(20))).as("seed %d", seed).containsExactlyElementsOf(addressesOf(20));
        }
    }

    @Test
    void aFailedNeighbourIsReplacedFromThePassiveView() {
        neighbors(1, 5);
        passive(6, 9);
        effects.clear();

        view.onDisconnected(node(3), 1_000);

        assertThat(effects.downs).containsExactly(node(3));
        assertThat(view.activeView()).doesNotContain(node(3));
        assertThat(view.passiveView()).doesNotContain(node(3));
        List<NodeId> asked = effects.recipientsOf(NeighborRequest.class);
        assertThat(asked).singleElement().isIn(node(6), node(7), node(8), node(9));
        assertThat(effects.sentOfType(NeighborRequest.class)).singleElement()
                .satisfies(request -> assertThat(request.highPriority()).isFalse());
        assertThat(effects.learned).as("the transport is told where the candidate is first")
                .contains(peer(asked.get(0).toBytes()[0]));

        view.onFrame(asked.get(0), new NeighborAccept(addressesOf(asked.get(0).toBytes()[0])), 1_030);

        assertThat(view.activeView()).hasSize(5).contains(asked.get(0));
        assertThat(view.passiveView()).doesNotContain(asked.get(0));
        assertThat(effects.ups).containsExactly(asked.get(0));
    }

    @Test
    void anUnansweredRequestGivesUpOnThatPeerAndAsksAnother() {
        neighbors(1, 5);
        passive(6, 9);
        view.onDisconnected(node(3), 1_000);
        NodeId silent = effects.recipientsOf(NeighborRequest.class).get(0);
        effects.clear();

        assertThat(view.nextDeadline()).isEqualTo(1_000 + config.neighborTimeoutMillis());
        view.onTimer(1_000 + config.neighborTimeoutMillis());

        assertThat(view.passiveView()).doesNotContain(silent);
        assertThat(effects.recipientsOf(NeighborRequest.class)).singleElement().isNotEqualTo(silent);
    }

    @Test
    void aRefusalMakesItAskAnotherPeerAndKeepsTheRefuserAsPassive() {
        neighbors(1, 5);
        passive(6, 9);
        view.onDisconnected(node(3), 1_000);
        NodeId refuser = effects.recipientsOf(NeighborRequest.class).get(0);
        effects.clear();

        view.onFrame(refuser, new Disconnect(true), 1_020);

        assertThat(view.passiveView()).contains(refuser);
        assertThat(effects.recipientsOf(NeighborRequest.class)).singleElement().isNotEqualTo(refuser);
    }

    @Test
    void aShuffleWalkCarriesSamplesOfBothViewsAndThisNode() {
        view.start(List.of(), 0);
        neighbors(1, 5);
        passive(6, 12);
        effects.clear();

        long now = 0;
        while (effects.sentOfType(Shuffle.class).isEmpty()) {
            now = view.nextDeadline();
            view.onTimer(now);
        }

        assertThat(now).as("first shuffle within one period").isBetween(1L, config.shuffleIntervalMillis() + 1);

        assertThat(effects.sentOfType(Shuffle.class)).singleElement().satisfies(shuffle -> {
            assertThat(shuffle.origin()).isEqualTo(peer(0));
            assertThat(shuffle.ttl()).isEqualTo(config.shuffleRandomWalkLength());
            assertThat(shuffle.peers()).hasSize(config.shuffleActiveCount() + config.shufflePassiveCount())
                    .allSatisfy(sample -> assertThat(sample.addresses()).isNotEmpty());
        });
        assertThat(effects.recipientsOf(Shuffle.class)).singleElement().isIn(view.activeView());
    }

    @Test
    void aShuffleIsForwardedWhileItHasHopsLeftThenAnsweredAndKept() {
        neighbors(1, 3);
        effects.clear();
        Shuffle walk = new Shuffle(peer(20), 3, List.of(peer(21), peer(22)));

        view.onFrame(node(1), walk, 10);

        assertThat(effects.sent).singleElement().satisfies(sent -> {
            assertThat(sent.to()).isIn(node(2), node(3));
            assertThat(sent.frame()).isEqualTo(new Shuffle(peer(20), 2, walk.peers()));
        });
        effects.clear();

        view.onFrame(node(1), new Shuffle(peer(20), 0, walk.peers()), 20);

        assertThat(effects.recipientsOf(ShuffleReply.class)).containsExactly(node(20));
        assertThat(effects.sentOfType(ShuffleReply.class)).singleElement()
                .satisfies(reply -> assertThat(reply.peers()).extracting(PeerAddress::id)
                        .hasSize(3).doesNotContain(node(20), node(21), node(22)));
        assertThat(view.passiveView()).contains(node(20), node(21), node(22));
        assertThat(effects.learned).contains(peer(20));
    }

    @Test
    void anIdleActiveLinkGetsAKeepAlive() {
        neighbors(1, 1);
        effects.clear();

        view.onTimer(config.keepAliveMillis() - 1);
        assertThat(effects.sent).isEmpty();

        view.onTimer(config.keepAliveMillis());
        assertThat(effects.sent).containsExactly(new RecordingMembership.Sent(node(1), new KeepAlive()));

        view.noteSent(node(1), config.keepAliveMillis() + 500);
        effects.clear();
        view.onTimer(2 * config.keepAliveMillis());
        assertThat(effects.sent).as("a recent send counts as activity").isEmpty();
    }

    @Test
    void aKeepAliveFromANodeThatIsNotANeighbourIsAnsweredWithDisconnect() {
        view.onFrame(node(4), new KeepAlive(), 10);

        assertThat(effects.sent).containsExactly(new RecordingMembership.Sent(node(4), new Disconnect(true)));
    }

    @Test
    void aNeighbourLostToAFailureIsProbedAgainLater() {
        neighbors(1, 2);
        view.onDisconnected(node(2), 1_000);
        effects.clear();

        view.onTimer(1_000 + config.probeIntervalMillis() - 1);
        assertThat(effects.recipientsOf(NeighborRequest.class)).isEmpty();

        view.onTimer(1_000 + config.probeIntervalMillis());
        assertThat(effects.sent).contains(new RecordingMembership.Sent(node(2), new NeighborRequest(true,
                addressesOf(0))));

        view.onFrame(node(2), new NeighborAccept(addressesOf(2)), 1_000 + config.probeIntervalMillis() + 40);
        assertThat(view.activeView()).contains(node(2));
    }

    @Test
    void aNodeLeftAloneJoinsItsBootstrapPeerAgainWithBackOff() {
        view.start(List.of(peer(1)), 0);
        effects.clear();

        view.onTimer(config.joinRetryMillis());
        assertThat(effects.recipientsOf(Join.class)).containsExactly(node(1));
        effects.clear();

        view.onTimer(config.joinRetryMillis() * 2);
        assertThat(effects.recipientsOf(Join.class)).as("back-off doubled the delay").isEmpty();
        view.onTimer(config.joinRetryMillis() * 3);
        assertThat(effects.recipientsOf(Join.class)).containsExactly(node(1));
        effects.clear();

        view.onFrame(node(1), new NeighborAccept(addressesOf(1)), 10_000);
        view.onTimer(200_000);
        assertThat(effects.recipientsOf(Join.class)).as("no more joins once it has a neighbour").isEmpty();
    }

    @Test
    void theViewsKeepTheirInvariantsWhateverArrives() {
        SplittableRandom random = new SplittableRandom(3);
        long now = 0;
        for (int step = 0; step < 20_000; step++) {
            now += random.nextInt(50);
            int peerNumber = 1 + random.nextInt(60);
            NodeId from = node(peerNumber);
            switch (random.nextInt(10)) {
                case 0 -> view.onFrame(from, new Join(addressesOf(peerNumber)), now);
                case 1 -> view.onFrame(from, new ForwardJoin(peer(1 + random.nextInt(60)), random.nextInt(8)), now);
                case 2 -> view.onFrame(from, new NeighborRequest(random.nextBoolean(), addressesOf(peerNumber)), now);
                case 3 -> view.onFrame(from, new NeighborAccept(addressesOf(peerNumber)), now);
                case 4 -> view.onFrame(from, new Disconnect(random.nextBoolean()), now);
                case 5 -> view.onFrame(from, new Shuffle(peer(1 + random.nextInt(60)), random.nextInt(7),
                        List.of(peer(1 + random.nextInt(60)), peer(0))), now);
                case 6 -> view.onFrame(from, new ShuffleReply(List.of(peer(1 + random.nextInt(60)))), now);
                case 7 -> view.onDisconnected(from, now);
                case 8 -> view.onFrame(from, new Introduce(List.of(peer(1 + random.nextInt(60)))), now);
                default -> {
                }
            }
            view.onTimer(now);
            List<NodeId> active = view.activeView();
            List<NodeId> passive = view.passiveView();
            assertThat(active.size()).isLessThanOrEqualTo(config.activeViewCapacity());
            assertThat(passive.size()).isLessThanOrEqualTo(config.passiveViewCapacity());
            assertThat(active).doesNotContain(node(0)).noneMatch(passive::contains).doesNotHaveDuplicates();
            assertThat(passive).doesNotContain(node(0)).doesNotHaveDuplicates();
            assertThat(effects.ups.size() - effects.downs.size()).isEqualTo(active.size());
            for (NodeId member : active) {
                assertThat(view.addressesOf(member)).as("address of active %s", member.shortForm()).isNotEmpty();
            }
            for (NodeId member : passive) {
                assertThat(view.addressesOf(member)).as("address of passive %s", member.shortForm()).isNotEmpty();
            }
            assertThat(view.nextDeadline()).isGreaterThan(now);
        }
    }

    // ---- hostile neighbours ----

    private static List<PeerAddress> junk(int first, int count) {
        return IntStream.range(first, first + count).mapToObj(RecordingMembership::peer).toList();
    }

    @Test
    void peerListsFromANodeThatIsNotANeighbourAreRefusedAndCounted() {
        neighbors(1, 3);
        effects.clear();

        view.onFrame(node(40), new Introduce(junk(50, 8)), 10);
        view.onFrame(node(40), new Shuffle(peer(41), 0, junk(60, 8)), 10);
        view.onFrame(node(40), new ForwardJoin(peer(42), 0), 10);

        assertThat(view.passiveView()).isEmpty();
        assertThat(effects.learned).isEmpty();
        assertThat(effects.sent).isEmpty();
        assertThat(effects.rejections).containsExactly("peers-from-non-neighbor", "peers-from-non-neighbor",
                "peers-from-non-neighbor");
    }

    @Test
    void aListFromAFormerNeighbourIsDroppedWithoutBlameThenAnsweredWithDisconnectToRepairTheOneSidedLink() {
        neighbors(1, 2);
        view.onFrame(node(2), new Disconnect(true), 100);
        effects.clear();
        // (the refill asks node 2 back at once: the request is why it is not told to go away yet)

        view.onFrame(node(2), new Introduce(junk(50, 2)), 200);
        assertThat(effects.sent).as("it crossed the departure").isEmpty();
        view.onTimer(100 + config.neighborTimeoutMillis());
        effects.clear();

        view.onFrame(node(2), new Introduce(junk(60, 2)), 101 + PeerListGate.DEPARTURE_GRACE_MILLIS);
        assertThat(effects.sent).containsExactly(new RecordingMembership.Sent(node(2), new Disconnect(true)));
        assertThat(effects.rejections).isEmpty();
        assertThat(view.passiveView()).doesNotContain(node(50), node(60));
    }

    @Test
    void theSameListsFromANeighbourAreTaken() {
        neighbors(1, 3);
        effects.clear();

        view.onFrame(node(1), new Introduce(junk(50, 3)), 10);

        assertThat(view.passiveView()).containsExactlyInAnyOrder(node(50), node(51), node(52));
        assertThat(effects.rejections).isEmpty();
    }

    @Test
    void anUnaskedShuffleReplyIsRefusedButTheAnswerToOurShuffleIsKept() {
        view.start(List.of(), 0);
        neighbors(1, 2);
        view.onFrame(node(30), new ShuffleReply(junk(50, 4)), 1);
        assertThat(effects.rejections).containsExactly("unasked-shuffle-reply");
        assertThat(view.passiveView()).isEmpty();

        long now = 0;
        while (effects.sentOfType(Shuffle.class).isEmpty()) {
            now = view.nextDeadline();
            view.onTimer(now);
        }
        view.onFrame(node(30), new ShuffleReply(junk(60, 4)), now + 100);
        view.onFrame(node(31), new ShuffleReply(junk(70, 4)), now + 120);

        assertThat(view.passiveView()).containsExactlyInAnyOrder(node(60), node(61), node(62), node(63));
        assertThat(effects.rejections).containsExactly("unasked-shuffle-reply", "unasked-shuffle-reply");
    }

    @Test
    void oneNeighbourFillsAtMostItsShareOfThePassiveViewAndReplacesOnlyItsOwnPeers() {
        neighbors(1, 5);
        view.onFrame(node(2), new Introduce(junk(20, 4)), 0);

        for (int frame = 0; frame < 40; frame++) {
            view.onFrame(node(1), new Introduce(junk(100 + 8 * frame, 8)), frame);
        }

        assertThat(view.passiveFrom(node(1))).hasSize(config.passivePerSource());
        assertThat(view.passiveView()).hasSize(config.passivePerSource() + 4)
                .contains(node(20), node(21), node(22), node(23));
    }

    @Test
    void strangersOfferingThemselvesShareOneShareOfThePassiveView() {
        neighbors(1, 5);

        for (int stranger = 100; stranger < 130; stranger++) {
            view.onFrame(node(stranger), new NeighborRequest(false, addressesOf(stranger)), 10);
        }

        assertThat(view.activeView()).hasSize(5).doesNotContain(node(100));
        assertThat(view.passiveView()).hasSize(config.passivePerSource());
        assertThat(effects.recipientsOf(Disconnect.class)).hasSize(30);
    }

    @Test
    void aNeighbourSendingMorePeerListsThanItsBudgetHasTheExcessRefused() {
        neighbors(1, 5);
        effects.clear();

        for (int frame = 0; frame < config.membershipBurst() + 50; frame++) {
            view.onFrame(node(1), new Introduce(junk(100 + frame, 1)), 1_000);
        }
        assertThat(effects.rejections).hasSize(50).containsOnly("membership-rate");

        effects.clear();
        for (int frame = 0; frame < config.membershipPerSecond() + 5; frame++) {
            view.onFrame(node(1), new Introduce(junk(1_000 + frame, 1)), 2_000);
        }
        assertThat(effects.rejections).as("a second later, a second's worth is taken again").hasSize(5);
        view.onFrame(node(2), new Introduce(junk(2_000, 1)), 2_000);
        assertThat(effects.rejections).as("other neighbours have their own budget").hasSize(5);
    }

    @Test
    void addressesHeardFromOthersNeverReplaceAddressesAPeerGaveForItself() {
        neighbors(1, 2);
        passive(10, 10);
        PeerAddress redirected = PeerAddress.of(node(10), new org.tomprotocol.api.TransportAddress("mem", "evil"));
        PeerAddress redirectedActive = PeerAddress.of(node(2), new org.tomprotocol.api.TransportAddress("mem", "evil"));

        view.onFrame(node(1), new Introduce(List.of(redirected, redirectedActive)), 10);
        view.onFrame(node(1), new ForwardJoin(redirected, 0), 10);

        assertThat(view.addressesOf(node(10))).containsExactlyElementsOf(addressesOf(10));
        assertThat(view.addressesOf(node(2))).containsExactlyElementsOf(addressesOf(2));

        view.onFrame(node(10), new NeighborRequest(false, List.of(new org.tomprotocol.api.TransportAddress("mem",
                "moved"))), 20);
        assertThat(view.addressesOf(node(10))).as("a peer's own word counts")
                .containsExactly(new org.tomprotocol.api.TransportAddress("mem", "moved"));
    }

    @Test
    void aJoinWalkPassingThroughRemembersNoAddressOfANewcomerItDoesNotKeep() {
        neighbors(1, 3);
        effects.clear();

        view.onFrame(node(1), new ForwardJoin(peer(9), config.passiveRandomWalkLength() + 1), 10);

        assertThat(effects.recipientsOf(ForwardJoin.class)).hasSize(1);
        assertThat(view.addressesOf(node(9))).isEmpty();
        assertThat(effects.learned).isEmpty();
    }

    @Test
    void joinWalksEndingAtNewcomersThatNeverAnswerDoNotPushRealPeersOutOfTheLostList() {
        neighbors(1, 3);
        view.onDisconnected(node(3), 0);
        for (int newcomer = 100; newcomer < 100 + 2 * config.lostPeersCapacity(); newcomer++) {
            view.onFrame(node(1), new ForwardJoin(peer(newcomer), 0), 1);
        }
        view.onTimer(1 + config.neighborTimeoutMillis());
        effects.clear();

        view.onTimer(config.probeIntervalMillis());

        assertThat(effects.recipientsOf(NeighborRequest.class)).as("the lost neighbour is still probed")
                .contains(node(3));
        assertThat(view.addressesOf(node(100))).isEmpty();
    }
}
