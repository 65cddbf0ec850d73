package org.tomprotocol.discovery.gossip.hyparview;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.discovery.gossip.wire.FrameCodec;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame.Introduce;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame.Shuffle;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame.ShuffleReply;

/**
 * How the passive view stays fresh: the paper's periodic shuffle random walks, and ToM's introductions
 * (Gen-2's relay "PeerPresent"): a contact node tells a newcomer about a sample of its peers and tells them
 * about the newcomer, so two nodes that share any peer learn of each other.
 *
 * <p>What a shuffle brings is hearsay: it is kept under the share of the neighbour that passed the walk on,
 * or of the node that answered a shuffle of ours; an answer nobody asked for is refused.
 */
final class Shuffles {
    private final NodeId self;
    private final HyParViewConfig config;
    private final RandomGenerator random;
    private final MembershipEffects effects;
    private final Views views;
    /** Answers taken at most per shuffle window: the last shuffle's, and a late one from the shuffle before. */
    private static final int MAX_EXPECTED_REPLIES = 2;

    private Set<NodeId> sentInLastShuffle = Set.of();
    private int expectedReplies;
    private long repliesExpectedUntil = Long.MIN_VALUE;

    Shuffles(NodeId self, HyParViewConfig config, RandomGenerator random, MembershipEffects effects, Views views) {
        this.self = self;
        this.config = config;
        this.random = random;
        this.effects = effects;
        this.views = views;
    }

    /** Starts a shuffle walk through a random neighbour, carrying a sample of both views and this node. */
    void shuffle(long now) {
        NodeId target = views.randomActive(peer -> false);
        if (target == null) {
            return;
        }
        List<NodeId> sample = new ArrayList<>(views.sampleActive(config.shuffleActiveCount(), target::equals));
        sample.addAll(views.samplePassive(config.shufflePassiveCount(), peer -> false));
        sentInLastShuffle = new HashSet<>(sample);
        PeerAddress origin = new PeerAddress(self, effects.localAddresses());
        views.send(target, new Shuffle(origin, config.shuffleRandomWalkLength(), views.peerAddresses(sample)), now);
        expectedReplies = Math.min(MAX_EXPECTED_REPLIES, (now > repliesExpectedUntil ? 0 : expectedReplies) + 1);
        repliesExpectedUntil = now + config.shuffleIntervalMillis();
    }

    /** The most peers a shuffle carries besides its origin. */
    private int sampleSize() {
        return config.shuffleActiveCount() + config.shufflePassiveCount();
    }

    /** Forwards the walk while it has hops left, else answers the origin and keeps what it brought. */
    void onShuffle(NodeId from, Shuffle shuffle, long now) {
        PeerAddress origin = shuffle.origin();
        if (origin.id().equals(self)) {
            return;
        }
        List<PeerAddress> peers = shuffle.peers().subList(0, Math.min(shuffle.peers().size(), sampleSize()));
        int ttl = Math.min(shuffle.ttl(), config.shuffleRandomWalkLength());
        if (ttl > 0 && views.activeCount() > 1) {
            NodeId next = views.randomActive(peer -> peer.equals(from) || peer.equals(origin.id()));
            if (next != null) {
                views.send(next, new Shuffle(origin, ttl - 1, peers), now);
                return;
            }
        }
        Set<NodeId> offered = new HashSet<>();
        offered.add(origin.id());
        peers.forEach(peer -> offered.add(peer.id()));
        int count = Math.min(peers.size() + 1, FrameCodec.MAX_PEERS);
        List<NodeId> reply = new ArrayList<>(views.samplePassive(count, offered::contains));
        if (reply.size() < count) {
            Set<NodeId> chosen = new HashSet<>(reply);
            reply.addAll(views.sampleActive(count - reply.size(),
                    peer -> offered.contains(peer) || chosen.contains(peer)));
        }
        if (origin.id().equals(from)) {
            views.remember(origin);
        } else {
            views.rememberHearsay(origin);
        }
        views.contact(origin.id());
        views.send(origin.id(), new ShuffleReply(views.peerAddresses(reply)), now);
        List<PeerAddress> received = new ArrayList<>(peers);
        received.add(origin);
        views.integrate(received, new HashSet<>(reply), from);
    }

    /**
     * Keeps what the answer to a shuffle of ours brought back, evicting first what this node sent away.
     *
     * @return false if no answer was expected: it is refused and counted
     */
    boolean onShuffleReply(NodeId from, ShuffleReply reply, long now) {
        if (expectedReplies == 0 || now > repliesExpectedUntil) {
            effects.rejected(from, "unasked-shuffle-reply");
            return false;
        }
        expectedReplies--;
        List<PeerAddress> peers = reply.peers();
        views.integrate(peers.subList(0, Math.min(peers.size(), sampleSize() + 1)), sentInLastShuffle, from);
        return true;
    }

    /**
     * Introduces {@code newcomer} to up to {@code introductions} random neighbours (they take lists from
     * neighbours only), and tells it of up to as many random known peers, active or passive.
     */
    void introduce(NodeId newcomer, long now) {
        if (config.introductions() == 0) {
            return;
        }
        Introduce aboutNewcomer = new Introduce(List.of(views.peerAddress(newcomer)));
        for (NodeId peer : sample(views.active(), newcomer)) {
            views.send(peer, aboutNewcomer, now);
        }
        List<NodeId> known = new ArrayList<>(views.active());
        known.addAll(views.passive());
        List<NodeId> sample = sample(known, newcomer);
        if (!sample.isEmpty()) {
            views.send(newcomer, new Introduce(views.peerAddresses(sample)), now);
        }
    }

    /** Up to {@code introductions} random members of {@code peers} with known addresses, other than {@code newcomer}. */
    private List<NodeId> sample(List<NodeId> peers, NodeId newcomer) {
        List<NodeId> candidates = new ArrayList<>();
        for (NodeId peer : peers) {
            if (!peer.equals(newcomer) && views.hasAddresses(peer)) {
                candidates.add(peer);
            }
        }
        int count = Math.min(config.introductions(), candidates.size());
        for (int i = 0; i < count; i++) {
            Collections.swap(candidates, i, i + random.nextInt(candidates.size() - i));
        }
        return candidates.subList(0, count);
    }
}
