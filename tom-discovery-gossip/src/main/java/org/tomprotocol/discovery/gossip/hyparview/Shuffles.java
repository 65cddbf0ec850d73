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
 */
final class Shuffles {
    private final NodeId self;
    private final HyParViewConfig config;
    private final RandomGenerator random;
    private final MembershipEffects effects;
    private final Views views;
    private Set<NodeId> sentInLastShuffle = Set.of();

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
    }

    /** Forwards the walk while it has hops left, else answers the origin and keeps what it brought. */
    void onShuffle(NodeId from, Shuffle shuffle, long now) {
        PeerAddress origin = shuffle.origin();
        if (origin.id().equals(self)) {
            return;
        }
        int ttl = Math.min(shuffle.ttl(), config.shuffleRandomWalkLength());
        if (ttl > 0 && views.activeCount() > 1) {
            NodeId next = views.randomActive(peer -> peer.equals(from) || peer.equals(origin.id()));
            if (next != null) {
                views.send(next, new Shuffle(origin, ttl - 1, shuffle.peers()), now);
                return;
            }
        }
        Set<NodeId> offered = new HashSet<>();
        offered.add(origin.id());
        shuffle.peers().forEach(peer -> offered.add(peer.id()));
        int count = Math.min(shuffle.peers().size() + 1, FrameCodec.MAX_PEERS);
        List<NodeId> reply = new ArrayList<>(views.samplePassive(count, offered::contains));
        if (reply.size() < count) {
            Set<NodeId> chosen = new HashSet<>(reply);
            reply.addAll(views.sampleActive(count - reply.size(),
                    peer -> offered.contains(peer) || chosen.contains(peer)));
        }
        views.remember(origin);
        views.contact(origin.id());
        views.send(origin.id(), new ShuffleReply(views.peerAddresses(reply)), now);
        List<PeerAddress> received = new ArrayList<>(shuffle.peers());
        received.add(origin);
        views.integrate(received, new HashSet<>(reply));
    }

    /** Keeps what the shuffle brought back, evicting first what this node sent away. */
    void onShuffleReply(ShuffleReply reply) {
        views.integrate(reply.peers(), sentInLastShuffle);
    }

    /** Introduces {@code newcomer} to up to {@code introductions} random known peers, and them to it. */
    void introduce(NodeId newcomer, long now) {
        if (config.introductions() == 0) {
            return;
        }
        List<NodeId> candidates = new ArrayList<>();
        for (NodeId peer : views.active()) {
            if (!peer.equals(newcomer) && views.hasAddresses(peer)) {
                candidates.add(peer);
            }
        }
        for (NodeId peer : views.passive()) {
            if (!peer.equals(newcomer) && views.hasAddresses(peer)) {
                candidates.add(peer);
            }
        }
        int count = Math.min(config.introductions(), candidates.size());
        for (int i = 0; i < count; i++) {
            Collections.swap(candidates, i, i + random.nextInt(candidates.size() - i));
        }
        List<NodeId> sample = candidates.subList(0, count);
        Introduce aboutNewcomer = new Introduce(List.of(views.peerAddress(newcomer)));
        for (NodeId peer : sample) {
            views.contact(peer);
            views.send(peer, aboutNewcomer, now);
        }
        if (!sample.isEmpty()) {
            views.send(newcomer, new Introduce(views.peerAddresses(sample)), now);
        }
    }
}
