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
import org.tomprotocol.discovery.gossip.wire.MessageId;

class PlumTreeTest implements BroadcastEffects {
    private record Sent(NodeId to, BroadcastFrame frame) {
    }

    private record Delivery(NodeId from, String payload) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final List<Delivery> delivered = new ArrayList<>();
    private final PlumTreeConfig config = PlumTreeConfig.DEFAULTS;
    private final PlumTree tree = new PlumTree(config, this);

    @Override
    public void send(NodeId peer, BroadcastFrame frame) {
        sent.add(new Sent(peer, frame));
    }

    @Override
    public void deliver(NodeId from, byte[] payload) {
        delivered.add(new Delivery(from, new String(payload, StandardCharsets.UTF_8)));
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
                d.maxCachedMessages(), d.maxRememberedIds(), d.maxMissingMessages(), messages);
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

        tree.onFrame(node(1), new Gossip(4, bytes("news")), 10);

        assertThat(delivered).containsExactly(new Delivery(node(1), "news"));
        assertThat(sent).containsExactly(new Sent(node(2), new Gossip(5, bytes("news"))));
        assertThat(tree.nextDeadline()).isEqualTo(10 + config.lazyPushDelayMillis());

        tree.onTimer(10 + config.lazyPushDelayMillis());

        MessageId id = tree.idOf(bytes("news"));
        assertThat(sent).contains(new Sent(node(3), new IHave(List.of(new Announcement(id, 5)))));
    }

    @Test
    void aDuplicateIsNotDeliveredAgainAndPrunesTheLinkItCameOn() {
        neighbors(1, 2);
        tree.onFrame(node(1), new Gossip(1, bytes("twice")), 10);
        sent.clear();

        tree.onFrame(node(2), new Gossip(3, bytes("twice")), 20);

        assertThat(delivered).hasSize(1);
        assertThat(sent).containsExactly(new Sent(node(2), new Prune()));
        assertThat(tree.lazyPeers()).containsExactly(node(2));
        assertThat(tree.eagerPeers()).containsExactly(node(1));
    }

    @Test
    void theSameContentBroadcastTwiceWithinTheRetentionIsOneBroadcast() {
        neighbors(1);
        tree.onFrame(node(1), new Gossip(1, bytes("announce")), 0);
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
        MessageId id = tree.idOf(bytes("lost"));
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

        tree.onFrame(node(3), new Gossip(4, bytes("lost")), 300);
        assertThat(delivered).containsExactly(new Delivery(node(3), "lost"));
        tree.onTimer(10_000);
        assertThat(recipientsOf(Graft.class)).hasSize(2);
    }

    @Test
    void anAnnouncementOfSomethingAlreadyReceivedIsIgnored() {
        neighbors(1, 2);
        tree.onFrame(node(1), new Gossip(1, bytes("known")), 0);
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
        tree.onFrame(node(1), new Gossip(2, bytes("cached")), 0);
        sent.clear();
        MessageId id = tree.idOf(bytes("cached"));

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
        MessageId id = tree.idOf(bytes("far"));
        tree.onFrame(node(2), new IHave(List.of(new Announcement(id, 2))), 0);

        tree.onFrame(node(1), new Gossip(2 + config.optimizationThreshold(), bytes("far")), 20);

        assertThat(sent).contains(new Sent(node(2), new Graft(null, 2)), new Sent(node(1), new Prune()));
        assertThat(tree.eagerPeers()).containsExactly(node(2));
        assertThat(tree.lazyPeers()).containsExactly(node(1));
    }

    @Test
    void aSlightlyShorterAnnouncedPathChangesNothing() {
        neighbors(1, 2);
        MessageId id = tree.idOf(bytes("near"));
        tree.onFrame(node(2), new IHave(List.of(new Announcement(id, 2))), 0);

        tree.onFrame(node(1), new Gossip(1 + config.optimizationThreshold(), bytes("near")), 20);

        assertThat(recipientsOf(Prune.class)).isEmpty();
        assertThat(recipientsOf(Graft.class)).isEmpty();
    }

    @Test
    void payloadsFromStrangersAreDeliveredButNeverMakeThemNeighbours() {
        neighbors(1);

        tree.onFrame(node(9), new Gossip(1, bytes("stranger")), 0);
        tree.onFrame(node(9), new Graft(tree.idOf(bytes("stranger")), 1), 0);
        tree.onFrame(node(9), new Gossip(1, bytes("stranger")), 0);

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
        tree.onFrame(node(1), new Gossip(2, bytes("before you came")), 0);
        sent.clear();

        tree.neighborUp(node(2), 100);
        assertThat(tree.nextDeadline()).isEqualTo(100 + config.lazyPushDelayMillis());
        tree.onTimer(100 + config.lazyPushDelayMillis());

        MessageId id = tree.idOf(bytes("before you came"));
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
}
