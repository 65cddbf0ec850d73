package org.tomprotocol.discovery.gossip.hyparview;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.discovery.gossip.hyparview.NeighborRequests.Pending;
import org.tomprotocol.discovery.gossip.hyparview.NeighborRequests.Purpose;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame.Disconnect;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame.ForwardJoin;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame.Introduce;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame.Join;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame.KeepAlive;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame.NeighborAccept;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame.NeighborRequest;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame.Shuffle;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame.ShuffleReply;
import org.tomprotocol.spi.state.Backoff;

/**
 * HyParView membership (Leitão, Pereira, Rodrigues, DSN 2007) as a pure state machine: a small symmetric
 * active view of neighbours, a larger passive view of candidates kept fresh by periodic shuffles, and
 * reactive repair: a neighbour whose transport session fails is replaced at once from the passive view.
 *
 * <p>Additions to the paper, all explained in docs/gossip.md: a node accepting a newcomer introduces it to
 * a sample of its peers and them to it; idle active links get keep-alives; peers lost to failures are
 * probed again with back-off (how two sides of a healed partition reconnect); a node left alone joins its
 * bootstrap peers again.
 *
 * <p>Hostile neighbours: the transport authenticates who sent a frame, but not what it says of others. Lists
 * of other peers (join walks, shuffles, introductions) are taken only from active neighbours, within a
 * per-neighbour budget ({@link PeerListGate}), or as the answer to a shuffle of ours; each source may fill
 * only its share of the passive view ({@link PassiveSources}); and addresses heard from others never replace
 * addresses a peer gave for itself.
 *
 * <p>Not thread-safe: one caller at a time, the current time passed in. Output goes through
 * {@link MembershipEffects}.
 */
public final class HyParView {
    private static final int MAX_JOIN_TARGETS = 16;

    private final NodeId self;
    private final HyParViewConfig config;
    private final RandomGenerator random;
    private final MembershipEffects effects;
    private final Views views;
    private final NeighborRequests pending = new NeighborRequests();
    private final Set<NodeId> triedSinceShuffle = new HashSet<>();
    private final Map<NodeId, PeerAddress> joinTargets = new LinkedHashMap<>();
    private final LostPeers lost;
    private final Shuffles shuffles;
    private final PeerListGate gate;
    private long now;
    private long nextShuffle = Long.MAX_VALUE;
    private long nextJoinRetry = Long.MAX_VALUE;
    private final Backoff joinBackoff;
    private boolean neighborLostSinceShuffle;

    public HyParView(NodeId self, HyParViewConfig config, RandomGenerator random, MembershipEffects effects) {
        this.self = self;
        this.config = config;
        this.random = random;
        this.effects = effects;
        this.joinBackoff = new Backoff(config.joinRetryMillis(), Math.max(config.joinRetryMillis(),
                config.maxJoinRetryMillis()));
        this.lost = new LostPeers(config.lostPeersCapacity(), config.probeIntervalMillis(), config.maxProbes());
        this.views = new Views(self, config, random, effects, this::inUse);
        this.shuffles = new Shuffles(self, config, random, effects, views);
        this.gate = new PeerListGate(views, effects, config);
    }

    /** Starts the shuffle timer and joins through {@code bootstrap}. */
    public void start(Collection<PeerAddress> bootstrap, long now) {
        this.now = now;
        nextShuffle = now + 1 + random.nextLong(config.shuffleIntervalMillis());
        join(bootstrap, now);
    }

    /** Joins through {@code peers} (and keeps them as the peers to join again when alone). */
    public void join(Collection<PeerAddress> peers, long now) {
        this.now = now;
        for (PeerAddress peer : peers) {
            if (peer.id().equals(self) || (joinTargets.size() >= MAX_JOIN_TARGETS
                    && !joinTargets.containsKey(peer.id()))) {
                continue;
            }
            joinTargets.put(peer.id(), peer);
            views.remember(peer);
            sendJoin(peer.id());
        }
        if (!joinTargets.isEmpty()) {
            joinBackoff.reset();
            nextJoinRetry = now + joinBackoff.next();
        }
    }

    /** Handles a membership frame from {@code from}. */
    public void onFrame(NodeId from, MembershipFrame frame, long now) {
        this.now = now;
        switch (frame) {
            case Join join -> onJoin(from, join);
            case ForwardJoin forward -> {
                if (admitsPeerList(from)) {
                    onForwardJoin(from, forward);
                }
            }
            case NeighborRequest request -> onNeighborRequest(from, request);
            case NeighborAccept accept -> onNeighborAccept(from, accept);
            case Disconnect disconnect -> onDisconnect(from, disconnect);
            case Shuffle shuffle -> {
                if (admitsPeerList(from)) {
                    shuffles.onShuffle(from, shuffle, now);
                }
            }
            case ShuffleReply reply -> {
                if (shuffles.onShuffleReply(from, reply, now)) {
                    refill();
                }
            }
            case Introduce introduce -> {
                if (admitsPeerList(from)) {
                    List<PeerAddress> peers = introduce.peers();
                    views.integrate(peers.subList(0, Math.min(peers.size(), config.introductions())), Set.of(), from);
                    refill();
                }
            }
            case KeepAlive ignored -> {
                if (!views.isActive(from) && !pending.awaits(from)) {
                    views.send(from, new Disconnect(true), now);
                }
            }
        }
    }

    /** A transport session to {@code peer} opened: a lost peer that reappears is probed at once. */
    public void onConnected(NodeId peer, long now) {
        this.now = now;
        if (lost.contains(peer) && !views.isActive(peer) && !pending.awaits(peer)) {
            requestNeighbor(peer, true, Purpose.PROBE);
        }
    }

    /** The transport session to {@code peer} failed: the failure detector of the paper. */
    public void onDisconnected(NodeId peer, long now) {
        this.now = now;
        Pending request = pending.answered(peer);
        if (request != null) {
            unanswered(peer, request);
        }
        boolean wasActive = views.isActive(peer);
        if (wasActive) {
            lost.add(peer, now);
            views.removeActive(peer, Views.Removal.FAILED, now);
            neighborLostSinceShuffle = true;
        }
        if (request != null || wasActive) {
            refill();
        }
    }

    /** Something was sent to {@code peer}, so its link needs no keep-alive yet. */
    public void noteSent(NodeId peer, long now) {
        views.noteSent(peer, now);
    }

    /** Runs due timers. */
    public void onTimer(long now) {
        this.now = now;
        expirePending();
        views.sendKeepAlives(now);
        if (nextJoinRetry <= now) {
            retryJoin();
        }
        if (nextShuffle <= now) {
            shuffles.shuffle(now);
            triedSinceShuffle.clear();
            neighborLostSinceShuffle = false;
            views.pruneAddressBook();
            gate.forgetFormerNeighbors();
            long interval = config.shuffleIntervalMillis();
            nextShuffle = now + interval - interval / 4 + random.nextLong(interval / 2 + 1);
            refill();
        }
        probeLostPeers();
    }

    /** When {@link #onTimer} must run next, or {@link Long#MAX_VALUE}. */
    public long nextDeadline() {
        return Math.min(Math.min(Math.min(nextShuffle, nextJoinRetry), Math.min(lost.nextProbeAt(),
                views.nextKeepAlive())), pending.nextDeadline());
    }

    /** The active view, in a stable order. */
    public List<NodeId> activeView() {
        return views.active();
    }

    /** The passive view, in a stable order. */
    public List<NodeId> passiveView() {
        return views.passive();
    }

    /** The passive peers that frames from {@code source} put in the passive view. */
    public List<NodeId> passiveFrom(NodeId source) {
        return views.passiveFrom(source);
    }

    /** The addresses known for {@code peer}, possibly empty. */
    public List<TransportAddress> addressesOf(NodeId peer) {
        return views.peerAddress(peer).addresses();
    }

    // ---- the join ----

    private void sendJoin(NodeId peer) {
        views.contact(peer);
        views.send(peer, new Join(effects.localAddresses()), now);
    }

    private void retryJoin() {
        if (views.activeCount() == 0 && !joinTargets.isEmpty()) {
            for (NodeId target : List.copyOf(joinTargets.keySet())) {
                sendJoin(target);
            }
            nextJoinRetry = now + joinBackoff.next();
        } else {
            nextJoinRetry = Long.MAX_VALUE;
        }
    }

    private void onJoin(NodeId from, Join join) {
        views.remember(new PeerAddress(from, join.addresses()));
        pending.answered(from);
        boolean fresh = !views.isActive(from);
        accept(from);
        views.send(from, new NeighborAccept(effects.localAddresses()), now);
        if (fresh) {
            ForwardJoin walk = new ForwardJoin(views.peerAddress(from), config.activeRandomWalkLength());
            for (NodeId peer : views.active()) {
                if (!peer.equals(from)) {
                    views.send(peer, walk, now);
                }
            }
            shuffles.introduce(from, now);
        }
    }

    /**
     * One hop of a join walk. The newcomer is hearsay: its address is recorded only if this node keeps it
     * (passive view at the passive walk length) or asks it to be a neighbour (walk end).
     */
    private void onForwardJoin(NodeId from, ForwardJoin walk) {
        NodeId newcomer = walk.newcomer().id();
        if (newcomer.equals(self) || views.isActive(newcomer) || pending.awaits(newcomer)) {
            return;
        }
        int ttl = Math.min(walk.ttl(), config.activeRandomWalkLength());
        if (ttl == 0 || views.activeCount() <= 1) {
            endWalkAt(walk.newcomer());
            return;
        }
        if (ttl == config.passiveRandomWalkLength()) {
            views.integrate(List.of(walk.newcomer()), Set.of(), from);
        }
        NodeId next = views.randomActive(peer -> peer.equals(from) || peer.equals(newcomer));
        if (next == null) {
            endWalkAt(walk.newcomer());
        } else {
            views.send(next, new ForwardJoin(walk.newcomer(), ttl - 1), now);
        }
    }

    private void endWalkAt(PeerAddress newcomer) {
        views.rememberHearsay(newcomer);
        requestNeighbor(newcomer.id(), true, Purpose.WALK_END);
    }

    private boolean admitsPeerList(NodeId from) {
        return gate.admits(from, pending.awaits(from), now);
    }

    // ---- neighbour requests ----

    private void onNeighborRequest(NodeId from, NeighborRequest request) {
        views.remember(new PeerAddress(from, request.addresses()));
        if (views.isActive(from) || request.highPriority() || views.activeCount() < config.activeViewCapacity()) {
            pending.answered(from);
            accept(from);
            views.send(from, new NeighborAccept(effects.localAddresses()), now);
        } else {
            views.send(from, new Disconnect(true), now);
            views.addPassive(from, Set.of(), PassiveSources.STRANGERS);
        }
    }

    private void onNeighborAccept(NodeId from, NeighborAccept acceptance) {
        views.remember(new PeerAddress(from, acceptance.addresses()));
        Pending request = pending.answered(from);
        if (views.isActive(from)) {
            return;
        }
        if (request != null || joinTargets.containsKey(from) || views.activeCount() < config.activeViewCapacity()) {
            accept(from);
        } else {
            views.send(from, new Disconnect(true), now);
        }
    }

    private void onDisconnect(NodeId from, Disconnect disconnect) {
        Pending request = pending.answered(from);
        if (views.isActive(from)) {
            views.removeActive(from, disconnect.alive() ? Views.Removal.LEFT_ALIVE : Views.Removal.LEFT, now);
            refill();
        } else if (!disconnect.alive()) {
            lost.remove(from);
            views.forgetPassive(from);
        } else if (request != null) {
            lost.remove(from);
            views.addPassive(from, Set.of(), from);
            refill();
        }
    }

    /** Makes {@code peer} an active neighbour, evicting a random one when the view is full. */
    private void accept(NodeId peer) {
        if (views.addActive(peer, now)) {
            lost.remove(peer);
            nextJoinRetry = Long.MAX_VALUE;
        }
    }

    private void requestNeighbor(NodeId peer, boolean highPriority, Purpose purpose) {
        views.contact(peer);
        views.send(peer, new NeighborRequest(highPriority, effects.localAddresses()), now);
        pending.sent(peer, purpose, now + config.neighborTimeoutMillis());
        triedSinceShuffle.add(peer);
    }

    /** Fills free active slots from the passive view, one request per slot, never the same peer twice a shuffle. */
    private void refill() {
        int wanted = config.activeViewCapacity() - views.activeCount() - pending.size();
        boolean exhausted = false;
        for (; wanted > 0; wanted--) {
            NodeId candidate = views.randomPassive(peer -> pending.awaits(peer) || triedSinceShuffle.contains(peer));
            if (candidate == null) {
                exhausted = true;
                break;
            }
            requestNeighbor(candidate, views.activeCount() == 0, Purpose.REFILL);
        }
        if (views.activeCount() == 0 && pending.isEmpty() && !joinTargets.isEmpty()) {
            nextJoinRetry = Math.min(nextJoinRetry, now + config.joinRetryMillis());
        }
        if (exhausted && neighborLostSinceShuffle && views.activeCount() > 0) {
            // Failures ate the passive view: a shuffle now brings fresh candidates instead of waiting for the period.
            nextShuffle = Math.min(nextShuffle, now + config.neighborTimeoutMillis());
        }
    }

    private void expirePending() {
        Map<NodeId, Pending> overdue = pending.takeOverdue(now);
        overdue.forEach(this::unanswered);
        if (!overdue.isEmpty()) {
            refill();
        }
    }

    private void unanswered(NodeId peer, Pending request) {
        switch (request.purpose()) {
            case PROBE -> lost.probeFailed(peer, now);
            case REFILL -> {
                lost.add(peer, now);
                views.forgetPassive(peer);
            }
            // A newcomer known only from a walk never was a peer of ours: it must not push real ones out of
            // the lost list.
            case WALK_END -> views.forgetIfUnused(peer);
        }
    }

    private void probeLostPeers() {
        NodeId due;
        while ((due = lost.takeDue(now)) != null) {
            if (views.isActive(due)) {
                lost.remove(due);
            } else if (pending.awaits(due)) {
                lost.probeFailed(due, now);
            } else {
                requestNeighbor(due, true, Purpose.PROBE);
            }
        }
    }

    /** Whether {@code peer}'s addresses are still needed by some view or timer. */
    private boolean inUse(NodeId peer) {
        return pending.awaits(peer) || lost.contains(peer) || joinTargets.containsKey(peer);
    }
}
