package org.tomprotocol.discovery.gossip.plumtree;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.discovery.gossip.wire.BroadcastFrame;
import org.tomprotocol.discovery.gossip.wire.BroadcastFrame.Announcement;
import org.tomprotocol.discovery.gossip.wire.BroadcastFrame.Gossip;
import org.tomprotocol.discovery.gossip.wire.BroadcastFrame.Graft;
import org.tomprotocol.discovery.gossip.wire.BroadcastFrame.IHave;
import org.tomprotocol.discovery.gossip.wire.BroadcastFrame.Prune;
import org.tomprotocol.discovery.gossip.wire.BroadcastId;
import org.tomprotocol.spi.discovery.Validation;

class PlumTreeTest implements BroadcastEffects {
    private record Sent(NodeId to, BroadcastFrame frame) {
    }

    private record Delivery(NodeId from, String payload) {
    }

    private record Validating(long ticket, NodeId from, String payload) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final List<Validating> validating = new ArrayList<>();
    private final List<Delivery> delivered = new ArrayList<>();
    private final List<String> rejections = new ArrayList<>();
    private final PlumTreeConfig config = PlumTreeConfig.DEFAULTS;
    private PlumTree tree = new PlumTree(config, this);

    @Override
    public void send(NodeId peer, BroadcastFrame frame) {
        sent.add(new Sent(peer, frame));
    }

    @Override
    public void validate(long ticket, NodeId from, byte[] payload) {
        validating.add(new Validating(ticket, from, new String(payload, StandardCharsets.UTF_8)));
    }

    @Override
    public void rejected(NodeId from, String reason) {
        rejections.add(reason);
    }

    /** Answers every pending validation with {@code verdict} at {@code now}; accepted payloads count as delivered. */
    private void answer(Validation verdict, long now) {
        List<Validating> answering = new ArrayList<>(validating);
        validating.clear();
        for (Validating pending : answering) {
            if (verdict == Validation.ACCEPT) {
                delivered.add(new Delivery(pending.from(), pending.payload()));
            }
            tree.onValidated(pending.ticket(), verdict, now);
        }
    }

    /** A Gossip frame from {@code from}, accepted by the node at once. */
    private void gossip(int from, int round, String text, long now) {
        tree.onFrame(node(from), new Gossip(round, bytes(text)), now);
        answer(Validation.ACCEPT, now);
    }

    private static NodeId node(int n) {
        byte[] key = new byte[NodeId.LENGTH];
        Arrays.fill(key, (byte) n);
        return NodeId.of(key);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void neighbors(int... peers) {
        for (int peer : peers) {
            tree.neighborUp(node(peer), 0);
        }
    }

    private static PlumTreeConfig withCatchUp(int messages) {
        PlumTreeConfig d = PlumTreeConfig.DEFAULTS;
        return new PlumTreeConfig(d.graftTimeoutMillis(), d.graftRetryMillis(), d.lazyPushDelayMillis(),
                d.optimizationThreshold(), d.messageCacheMillis(), d.messageIdRetentionMillis(), d.maxPayloadBytes(),
                d.maxCachedMessages(), d.maxRememberedIds(), d.maxMissingMessages(), messages,
                d.maxPendingValidations(), d.maxPendingPerNeighbor(), d.validationTimeoutMillis());
    }

    private static PlumTreeConfig withPending(int total, int perNeighbor) {
        PlumTreeConfig d = PlumTreeConfig.DEFAULTS;
        return new PlumTreeConfig(d.graftTimeoutMillis(), d.graftRetryMillis(), d.lazyPushDelayMillis(),
                d.optimizationThreshold(), d.messageCacheMillis(), d.messageIdRetentionMillis(), d.maxPayloadBytes(),
                d.maxCachedMessages(), d.maxRememberedIds(), d.maxMissingMessages(), d.catchUpMessages(), total,
                perNeighbor, d.validationTimeoutMillis());
    }

    private List<NodeId> recipientsOf(Class<? extends BroadcastFrame> type) {
        return sent.stream().filter(s -> type.isInstance(s.frame())).map(Sent::to).toList();
    }

    @Test
    void aBroadcastIsPushedToEveryNeighbourAtRoundOneAndNotDeliveredLocally() {
        neighbors(1, 2, 3);

        assertThat(tree.broadcast(bytes("hello"), 0)).isTrue();

        assertThat(sent).extracting(Sent::to).containsExactly(node(1), node(2), node(3));
        assertThat(sent).extracting(Sent::frame).containsOnly(new Gossip(1, bytes("hello")));
        assertThat(delivered).isEmpty();
    }

    @Test
    void aNewPayloadIsDeliveredOncePushedEagerlyAndAnnouncedLazily() {
        neighbors(1, 2, 3);
        tree.onFrame(node(3), new Prune(), 0);

        gossip(1, 4, "news", 10);

        assertThat(delivered).containsExactly(new Delivery(node(1), "news"));
        assertThat(sent).containsExactly(new Sent(node(2), new Gossip(5, bytes("news"))));
        assertThat(tree.nextDeadline()).isEqualTo(10 + config.lazyPushDelayMillis());

        tree.onTimer(10 + config.lazyPushDelayMillis());

        BroadcastId id = tree.idOf(bytes("news"));
        assertThat(sent).contains(new Sent(node(3), new IHave(List.of(new Announcement(id, 5)))));
    }

    @Test
    void aDuplicateIsNotDeliveredAgainAndPrunesTheLinkItCameOn() {
        neighbors(1, 2);
        gossip(1, 1, "twice", 10);
        sent.clear();

        gossip(2, 3, "twice", 20);

        assertThat(delivered).hasSize(1);
        assertThat(sent).containsExactly(new Sent(node(2), new Prune()));
        assertThat(tree.lazyPeers()).containsExactly(node(2));
        assertThat(tree.eagerPeers()).containsExactly(node(1));
    }

    @Test
    void theSameContentBroadcastTwiceWithinTheRetentionIsOneBroadcast() {
        neighbors(1);
        gossip(1, 1, "announce", 0);
        sent.clear();

        assertThat(tree.broadcast(bytes("announce"), 1_000)).isFalse();
        assertThat(sent).isEmpty();

        tree.onTimer(config.messageIdRetentionMillis());
        assertThat(tree.rememberedIds()).isZero();
        assertThat(tree.broadcast(bytes("announce"), config.messageIdRetentionMillis())).isTrue();
    }

    @Test
    void aMissingPayloadIsGraftedFromItsAnnouncerAfterTheTimeoutThenFromTheNext() {
        neighbors(1, 2, 3);
        BroadcastId id = tree.idOf(bytes("lost"));
        tree.onFrame(node(2), new IHave(List.of(new Announcement(id, 3))), 100);
        tree.onFrame(node(3), new IHave(List.of(new Announcement(id, 4))), 110);

        tree.onTimer(100 + config.graftTimeoutMillis() - 1);
        assertThat(sent).isEmpty();
        assertThat(tree.nextDeadline()).isEqualTo(100 + config.graftTimeoutMillis());

        tree.onTimer(100 + config.graftTimeoutMillis());
        assertThat(sent).containsExactly(new Sent(node(2), new Graft(id, 3)));
        assertThat(tree.eagerPeers()).contains(node(2));

        tree.onTimer(100 + config.graftTimeoutMillis() + config.graftRetryMillis());
        assertThat(sent).containsExactly(new Sent(node(2), new Graft(id, 3)), new Sent(node(3), new Graft(id, 4)));

        gossip(3, 4, "lost", 300);
        assertThat(delivered).containsExactly(new Delivery(node(3), "lost"));
        tree.onTimer(10_000);
        assertThat(recipientsOf(Graft.class)).hasSize(2);
    }

    @Test
    void anAnnouncementOfSomethingAlreadyReceivedIsIgnored() {
        neighbors(1, 2);
        gossip(1, 1, "known", 0);
        sent.clear();

        tree.onFrame(node(2), new IHave(List.of(new Announcement(tree.idOf(bytes("known")), 2))), 10);
        tree.onTimer(10 + config.graftTimeoutMillis());

        assertThat(recipientsOf(Graft.class)).isEmpty();
    }

    @Test
    void announcementsOfANeighbourThatWentAwayAreForgotten() {
        neighbors(1, 2);
        tree.onFrame(node(2), new IHave(List.of(new Announcement(tree.idOf(bytes("gone")), 2))), 10);

        tree.neighborDown(node(2));
        tree.onTimer(10 + config.graftTimeoutMillis());

        assertThat(sent).isEmpty();
    }

    @Test
    void aGraftIsAnsweredFromTheCacheUntilTheCacheForgets() {
        neighbors(1, 2);
        tree.onFrame(node(2), new Prune(), 0);
        gossip(1, 2, "cached", 0);
        sent.clear();
        BroadcastId id = tree.idOf(bytes("cached"));

        tree.onFrame(node(2), new Graft(id, 3), 50);

        assertThat(sent).contains(new Sent(node(2), new Gossip(3, bytes("cached"))));
        assertThat(tree.eagerPeers()).contains(node(2));
        sent.clear();

        tree.onTimer(config.messageCacheMillis());
        tree.onFrame(node(2), new Graft(id, 3), config.messageCacheMillis());
        assertThat(recipientsOf(Gossip.class)).isEmpty();
    }

    @Test
    void aMuchShorterAnnouncedPathRewiresTheTree() {
        neighbors(1, 2);
        BroadcastId id = tree.idOf(bytes("far"));
        tree.onFrame(node(2), new IHave(List.of(new Announcement(id, 2))), 0);

        gossip(1, 2 + config.optimizationThreshold(), "far", 20);

        assertThat(sent).contains(new Sent(node(2), new Graft(null, 2)), new Sent(node(1), new Prune()));
        assertThat(tree.eagerPeers()).containsExactly(node(2));
        assertThat(tree.lazyPeers()).containsExactly(node(1));
    }

    @Test
    void aSlightlyShorterAnnouncedPathChangesNothing() {
        neighbors(1, 2);
        BroadcastId id = tree.idOf(bytes("near"));
        tree.onFrame(node(2), new IHave(List.of(new Announcement(id, 2))), 0);

        gossip(1, 1 + config.optimizationThreshold(), "near", 20);

        assertThat(recipientsOf(Prune.class)).isEmpty();
        assertThat(recipientsOf(Graft.class)).isEmpty();
    }

    @Test
    void payloadsFromStrangersAreDeliveredButNeverMakeThemNeighbours() {
        neighbors(1);

        gossip(9, 1, "stranger", 0);
        tree.onFrame(node(9), new Graft(tree.idOf(bytes("stranger")), 1), 0);
        gossip(9, 1, "stranger", 0);

        assertThat(delivered).containsExactly(new Delivery(node(9), "stranger"));
        assertThat(tree.eagerPeers()).containsExactly(node(1));
        assertThat(tree.lazyPeers()).isEmpty();
        assertThat(sent).containsExactly(new Sent(node(1), new Gossip(2, bytes("stranger"))));
    }

    @Test
    void oversizedPayloadsAreNotBroadcast() {
        neighbors(1);

        assertThat(tree.broadcast(new byte[config.maxPayloadBytes() + 1], 0)).isFalse();
        assertThat(sent).isEmpty();
    }

    @Test
    void aNewNeighbourIsToldOfTheNewestBroadcastsAndGetsTheOneItGrafts() {
        neighbors(1);
        gossip(1, 2, "before you came", 0);
        sent.clear();

        tree.neighborUp(node(2), 100);
        assertThat(tree.nextDeadline()).isEqualTo(100 + config.lazyPushDelayMillis());
        tree.onTimer(100 + config.lazyPushDelayMillis());

        BroadcastId id = tree.idOf(bytes("before you came"));
        assertThat(sent).containsExactly(new Sent(node(2), new IHave(List.of(new Announcement(id, 3)))));

        sent.clear();
        tree.onFrame(node(2), new Graft(id, 3), 200);
        assertThat(sent).containsExactly(new Sent(node(2), new Gossip(3, bytes("before you came"))));
    }

    @Test
    void theCatchUpNamesOnlyTheNewestBroadcastsUpToItsLimit() {
        PlumTree limited = new PlumTree(withCatchUp(2), this);
        for (String text : List.of("first", "second", "third")) {
            limited.broadcast(bytes(text), 0);
        }

        limited.neighborUp(node(5), 10);
        limited.onTimer(10 + config.lazyPushDelayMillis());

        assertThat(sent).singleElement().satisfies(only -> {
            assertThat(only.to()).isEqualTo(node(5));
            assertThat(((IHave) only.frame()).announcements()).extracting(Announcement::id)
                    .containsExactly(limited.idOf(bytes("third")), limited.idOf(bytes("second")));
        });
    }

    @Test
    void withTheCatchUpDisabledANewNeighbourHearsNothingOfThePast() {
        PlumTree silent = new PlumTree(withCatchUp(0), this);
        silent.broadcast(bytes("old"), 0);

        silent.neighborUp(node(5), 10);
        silent.onTimer(10 + config.lazyPushDelayMillis());

        assertThat(sent).isEmpty();
        assertThat(silent.nextDeadline()).isGreaterThan(10 + config.lazyPushDelayMillis());
    }

    // ---- verify before store and forward ----

    @Test
    void aReceivedPayloadIsNeitherStoredNorSpreadNorServedUntilTheNodeAcceptsIt() {
        neighbors(1, 2, 3);
        tree.onFrame(node(3), new Prune(), 0);
        BroadcastId id = tree.idOf(bytes("unchecked"));

        tree.onFrame(node(1), new Gossip(1, bytes("unchecked")), 10);
        tree.onFrame(node(2), new Graft(id, 2), 11);
        tree.onTimer(10 + config.lazyPushDelayMillis());

        assertThat(validating).singleElement().isEqualTo(new Validating(validating.get(0).ticket(), node(1),
                "unchecked"));
        assertThat(sent).as("no push, no IHave, no graft answer before the verdict").isEmpty();
        assertThat(tree.cachedPayloads()).isZero();
        assertThat(tree.pendingValidations()).isEqualTo(1);
        assertThat(tree.pendingBytes()).isEqualTo(bytes("unchecked").length);

        answer(Validation.ACCEPT, 20);
        tree.onTimer(20 + config.lazyPushDelayMillis());

        assertThat(sent).containsExactly(new Sent(node(2), new Gossip(2, bytes("unchecked"))),
                new Sent(node(3), new IHave(List.of(new Announcement(id, 2)))));
        assertThat(tree.cachedPayloads()).isEqualTo(1);
        assertThat(tree.cachedBytes()).isEqualTo(bytes("unchecked").length);
        assertThat(tree.pendingValidations()).isZero();
    }

    @Test
    void anIgnoredPayloadIsDroppedWithoutBlameAndNotValidatedAgain() {
        neighbors(1, 2, 3);
        tree.onFrame(node(1), new Gossip(1, bytes("stale")), 10);

        answer(Validation.IGNORE, 20);
        tree.onFrame(node(2), new Gossip(1, bytes("stale")), 30);

        assertThat(validating).isEmpty();
        assertThat(rejections).isEmpty();
        assertThat(recipientsOf(Gossip.class)).isEmpty();
        assertThat(tree.cachedPayloads()).isZero();
        assertThat(tree.eagerPeers()).contains(node(1));
    }

    @Test
    void aRejectedPayloadCountsAgainstEverySenderPrunesTheirLinksAndIsNeverValidatedAgain() {
        neighbors(1, 2, 3);
        tree.onFrame(node(1), new Gossip(1, bytes("forged")), 10);

        answer(Validation.REJECT, 20);

        assertThat(rejections).containsExactly("gossip-invalid");
        assertThat(sent).containsExactly(new Sent(node(1), new Prune()));
        assertThat(tree.lazyPeers()).containsExactly(node(1));
        assertThat(tree.cachedPayloads()).isZero();
        assertThat(tree.invalidScore(node(1), 20)).isEqualTo(1.0);

        tree.onFrame(node(2), new Gossip(1, bytes("forged")), 30);
        tree.onFrame(node(3), new IHave(List.of(new Announcement(tree.idOf(bytes("forged")), 1))), 30);
        tree.onTimer(30 + config.graftTimeoutMillis());

        assertThat(validating).as("refused content is not checked again").isEmpty();
        assertThat(rejections).containsExactly("gossip-invalid", "gossip-invalid");
        assertThat(recipientsOf(Graft.class)).as("refused content is not grafted").isEmpty();
        assertThat(recipientsOf(Gossip.class)).isEmpty();
    }

    @Test
    void theHonestVariantOfTheSameFlowIsSpreadAndBlamesNobody() {
        neighbors(1, 2, 3);
        tree.onFrame(node(1), new Gossip(1, bytes("genuine")), 10);

        answer(Validation.ACCEPT, 20);

        assertThat(rejections).isEmpty();
        assertThat(recipientsOf(Gossip.class)).containsExactlyInAnyOrder(node(2), node(3));
        assertThat(tree.invalidScore(node(1), 20)).isZero();
    }

    @Test
    void aCopyOfAPayloadAwaitingItsVerdictIsNotValidatedTwiceAndItsLinkIsPrunedOnceAccepted() {
        neighbors(1, 2, 3);
        tree.onFrame(node(1), new Gossip(1, bytes("twice")), 10);
        tree.onFrame(node(2), new Gossip(2, bytes("twice")), 12);

        assertThat(validating).hasSize(1);
        answer(Validation.ACCEPT, 20);

        assertThat(sent).containsExactlyInAnyOrder(new Sent(node(3), new Gossip(2, bytes("twice"))),
                new Sent(node(2), new Prune()));
        assertThat(tree.lazyPeers()).containsExactly(node(2));
        assertThat(delivered).containsExactly(new Delivery(node(1), "twice"));
    }

    @Test
    void aCopyOfARejectedPayloadCountsAgainstItsSenderToo() {
        neighbors(1, 2);
        tree.onFrame(node(1), new Gossip(1, bytes("junk")), 10);
        tree.onFrame(node(2), new Gossip(1, bytes("junk")), 11);

        answer(Validation.REJECT, 20);

        assertThat(rejections).containsExactly("gossip-invalid", "gossip-invalid");
        assertThat(tree.lazyPeers()).containsExactlyInAnyOrder(node(1), node(2));
    }

    @Test
    void aVerdictThatNeverComesIsForgottenAfterTheTimeoutAndALaterCopyIsValidatedAfresh() {
        neighbors(1, 2);
        tree.onFrame(node(1), new Gossip(1, bytes("slow")), 100);
        long ticket = validating.get(0).ticket();
        validating.clear();

        assertThat(tree.nextDeadline()).isEqualTo(100 + config.validationTimeoutMillis());
        tree.onTimer(100 + config.validationTimeoutMillis());
        assertThat(tree.pendingValidations()).isZero();

        tree.onValidated(ticket, Validation.ACCEPT, 100 + config.validationTimeoutMillis() + 1);
        assertThat(sent).as("a late verdict for a forgotten ticket does nothing").isEmpty();

        tree.onFrame(node(2), new Gossip(1, bytes("slow")), 6_000);
        assertThat(validating).singleElement().satisfies(again -> assertThat(again.from()).isEqualTo(node(2)));
    }

    @Test
    void anAnnouncedPayloadThatArrivesIsNotGraftedWhileItAwaitsItsVerdictButIsIfTheVerdictNeverComes() {
        neighbors(1, 2);
        BroadcastId id = tree.idOf(bytes("announced"));
        tree.onFrame(node(2), new IHave(List.of(new Announcement(id, 1))), 0);
        tree.onFrame(node(1), new Gossip(3, bytes("announced")), 10);

        tree.onTimer(config.graftTimeoutMillis());
        assertThat(recipientsOf(Graft.class)).isEmpty();

        long expired = 10 + config.validationTimeoutMillis();
        for (long now = config.graftTimeoutMillis(); now <= expired + config.graftRetryMillis(); now++) {
            tree.onTimer(now);
        }
        assertThat(sent).contains(new Sent(node(2), new Graft(id, 1)));
    }

    @Test
    void anAnnouncementOfAPayloadAwaitingItsVerdictStartsNoGraft() {
        neighbors(1, 2);
        tree.onFrame(node(1), new Gossip(1, bytes("pending")), 0);
        tree.onFrame(node(2), new IHave(List.of(new Announcement(tree.idOf(bytes("pending")), 1))), 1);

        answer(Validation.REJECT, config.graftTimeoutMillis() + 5);
        tree.onTimer(config.graftTimeoutMillis() + config.graftRetryMillis() + 10);

        assertThat(recipientsOf(Graft.class)).isEmpty();
    }

    @Test
    void pendingValidationsAreBoundedPerNeighbourForAllStrangersTogetherAndInTotal() {
        tree = new PlumTree(withPending(5, 2), this);
        neighbors(1, 2, 3);
        for (int i = 0; i < 3; i++) {
            tree.onFrame(node(1), new Gossip(1, bytes("from one " + i)), 0);
        }
        tree.onFrame(node(2), new Gossip(1, bytes("from two")), 0);
        tree.onFrame(node(8), new Gossip(1, bytes("stranger eight")), 0);
        tree.onFrame(node(9), new Gossip(1, bytes("stranger nine")), 0);
        tree.onFrame(node(7), new Gossip(1, bytes("stranger seven")), 0);
        tree.onFrame(node(3), new Gossip(1, bytes("from three")), 0);
        tree.onFrame(node(2), new Gossip(1, bytes("from two again")), 0);

        assertThat(validating).extracting(Validating::payload).containsExactly("from one 0", "from one 1",
                "from two", "stranger eight", "stranger nine");
        assertThat(rejections).containsExactly("validation-backlog", "validation-backlog", "validation-backlog",
                "validation-backlog");
        assertThat(tree.pendingValidations()).isEqualTo(5);
    }

    @Test
    void aSenderOfInvalidPayloadsGetsFewerValidationsAtOnceUntilItsScoreFades() {
        neighbors(1);
        for (int i = 0; i < 3; i++) {
            tree.onFrame(node(1), new Gossip(1, bytes("junk " + i)), 0);
        }
        answer(Validation.REJECT, 0);

        for (int i = 0; i < 20; i++) {
            tree.onFrame(node(1), new Gossip(1, bytes("more " + i)), 1);
        }
        assertThat(validating).as("64 / (1 + 3)").hasSize(16);
        answer(Validation.ACCEPT, 2);

        long faded = 10 * InvalidPayloadScores.HALF_LIFE_MILLIS;
        for (int i = 0; i < 70; i++) {
            tree.onFrame(node(1), new Gossip(1, bytes("later " + i)), faded);
        }
        assertThat(validating).as("the score faded: the full share again").hasSize(config.maxPendingPerNeighbor() - 1);
    }
}
