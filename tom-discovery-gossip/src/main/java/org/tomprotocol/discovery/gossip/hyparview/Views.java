package org.tomprotocol.discovery.gossip.hyparview;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame.Disconnect;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame.KeepAlive;

/**
 * The two partial views, the addresses of the peers in them, and when each active link last carried a
 * frame. The protocol decisions are {@link HyParView}'s; this class keeps the views' invariants: a peer is
 * in at most one view, never this node, the views never exceed their capacities, and no source holds more
 * than its share of the passive view ({@link PassiveSources}).
 *
 * <p>Addresses a peer gives for itself replace what was known; addresses heard from others (walks, shuffles,
 * introductions) only fill in a peer not known yet, so a neighbour cannot redirect this node's known peers.
 */
final class Views {
    /** Former neighbours remembered at most. */
    private static final int FORMER_NEIGHBORS = 32;

    /** Why a peer leaves the active view. */
    enum Removal {
        /** Dropped to make room: told so, kept as passive. */
        EVICTED,
        /** It dropped us but stays around: kept as passive. */
        LEFT_ALIVE,
        /** It is leaving the network. */
        LEFT,
        /** Its session failed: presumed dead. */
        FAILED
    }

    private final NodeId self;
    private final HyParViewConfig config;
    private final RandomGenerator random;
    private final MembershipEffects effects;
    private final Predicate<NodeId> usedElsewhere;
    private final PeerSet active = new PeerSet();
    private final PeerSet passive = new PeerSet();
    private final PassiveSources sources;
    private final Map<NodeId, List<TransportAddress>> addressBook = new HashMap<>();
    private final Set<NodeId> told = new HashSet<>();
    private final Map<NodeId, Long> lastSentTo = new HashMap<>();
    /** Peers that left the active view lately, and when: their frames in flight are no offence. */
    private final LinkedHashMap<NodeId, Long> formerNeighbors = new LinkedHashMap<>();

    Views(NodeId self, HyParViewConfig config, RandomGenerator random, MembershipEffects effects,
          Predicate<NodeId> usedElsewhere) {
        this.self = self;
        this.config = config;
        this.random = random;
        this.effects = effects;
        this.usedElsewhere = usedElsewhere;
        this.sources = new PassiveSources(config.passivePerSource());
    }

    boolean isActive(NodeId peer) {
        return active.contains(peer);
    }

    /** Whether {@code peer} left the active view at or after {@code since} (among the last few that left). */
    boolean leftActiveSince(NodeId peer, long since) {
        Long left = formerNeighbors.get(peer);
        return left != null && left >= since;
    }

    int activeCount() {
        return active.size();
    }

    List<NodeId> active() {
        return active.snapshot();
    }

    List<NodeId> passive() {
        return passive.snapshot();
    }

    NodeId randomActive(Predicate<NodeId> excluded) {
        return active.random(random, excluded);
    }

    NodeId randomPassive(Predicate<NodeId> excluded) {
        return passive.random(random, excluded);
    }

    List<NodeId> sampleActive(int count, Predicate<NodeId> excluded) {
        return active.sample(count, random, excluded);
    }

    List<NodeId> samplePassive(int count, Predicate<NodeId> excluded) {
        return passive.sample(count, random, excluded);
    }

    /** Adds {@code peer} to the active view, evicting a random neighbour when full; true if it was not there. */
    boolean addActive(NodeId peer, long now) {
        if (peer.equals(self) || active.contains(peer)) {
            return false;
        }
        // Out of the passive view first, so that the evicted neighbour taking a passive slot cannot push it out.
        passive.remove(peer);
        sources.remove(peer);
        if (active.size() >= config.activeViewCapacity()) {
            removeActive(active.random(random, candidate -> false), Removal.EVICTED, now);
        }
        active.add(peer);
        tell(peer);
        lastSentTo.put(peer, now);
        effects.neighborUp(peer);
        return true;
    }

    void removeActive(NodeId peer, Removal reason, long now) {
        if (!active.remove(peer)) {
            return;
        }
        lastSentTo.remove(peer);
        formerNeighbors.remove(peer);
        formerNeighbors.put(peer, now);
        if (formerNeighbors.size() > FORMER_NEIGHBORS) {
            Iterator<NodeId> eldest = formerNeighbors.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
        effects.neighborDown(peer);
        switch (reason) {
            case EVICTED -> {
                send(peer, new Disconnect(true), now);
                addPassive(peer, Set.of(), peer);
            }
            case LEFT_ALIVE -> addPassive(peer, Set.of(), peer);
            case LEFT, FAILED -> forgetIfUnused(peer);
        }
    }

    /**
     * Adds {@code peer}, put there by {@code source}, to the passive view unless it is this node or already
     * known. A source holding its whole share replaces one of its own peers; otherwise, when the view is full,
     * a random member of {@code evictFirst} (if any is present) or else any random member makes room.
     *
     * @return whether it was added
     */
    boolean addPassive(NodeId peer, Set<NodeId> evictFirst, Object source) {
        if (peer.equals(self) || active.contains(peer) || passive.contains(peer)
                || config.passiveViewCapacity() == 0) {
            return false;
        }
        if (sources.full(source)) {
            forgetPassive(pick(sources.from(source), evictFirst));
        } else if (passive.size() >= config.passiveViewCapacity()) {
            NodeId victim = passive.random(random, candidate -> !evictFirst.contains(candidate));
            if (victim == null) {
                victim = passive.random(random, candidate -> false);
            }
            forgetPassive(victim);
        }
        passive.add(peer);
        sources.add(peer, source);
        tell(peer);
        return true;
    }

    /** A random member of {@code peers} that is in {@code preferred}, or else any random member. */
    private NodeId pick(List<NodeId> peers, Set<NodeId> preferred) {
        List<NodeId> first = peers.stream().filter(preferred::contains).toList();
        List<NodeId> from = first.isEmpty() ? peers : first;
        return from.get(random.nextInt(from.size()));
    }

    void forgetPassive(NodeId peer) {
        if (passive.remove(peer)) {
            sources.remove(peer);
            forgetIfUnused(peer);
        }
    }

    /** The passive peers {@code source} put in the passive view. */
    List<NodeId> passiveFrom(Object source) {
        return sources.from(source);
    }

    /**
     * Offers peers named by {@code source} to the passive view: their addresses are hearsay, recorded only for
     * the peers kept and never replacing known ones.
     */
    void integrate(List<PeerAddress> peers, Set<NodeId> evictFirst, Object source) {
        for (PeerAddress peer : peers) {
            NodeId id = peer.id();
            if (id.equals(self) || active.contains(id) || passive.contains(id)) {
                continue;
            }
            rememberHearsay(peer);
            if (!addPassive(id, evictFirst, source)) {
                forgetIfUnused(id);
            }
        }
    }

    /** Records addresses another node gave for {@code peer}, unless some are known already. */
    void rememberHearsay(PeerAddress peer) {
        if (!addressBook.containsKey(peer.id())) {
            remember(peer);
        }
    }

    /**
     * Records the addresses {@code peer} gave for itself. The transports are told once the peer enters a view
     * or is contacted, not for every node a walk or a shuffle merely passes on.
     */
    void remember(PeerAddress peer) {
        if (peer.id().equals(self) || peer.addresses().isEmpty()) {
            return;
        }
        List<TransportAddress> previous = addressBook.put(peer.id(), peer.addresses());
        if (!peer.addresses().equals(previous)) {
            told.remove(peer.id());
            if (active.contains(peer.id()) || passive.contains(peer.id())) {
                tell(peer.id());
            }
        }
    }

    /** Tells the transports {@code peer}'s addresses unless they already know these. */
    private void tell(NodeId peer) {
        List<TransportAddress> known = addressBook.get(peer);
        if (known != null && told.add(peer)) {
            effects.learned(new PeerAddress(peer, known));
        }
    }

    /**
     * Before contacting a peer outside the active view: make sure the transports know where it is, again
     * even if told before (the host may have forgotten a peer it had not heard from for long).
     */
    void contact(NodeId peer) {
        List<TransportAddress> known = addressBook.get(peer);
        if (known != null && !active.contains(peer)) {
            told.add(peer);
            effects.learned(new PeerAddress(peer, known));
        }
    }

    PeerAddress peerAddress(NodeId peer) {
        return new PeerAddress(peer, addressBook.getOrDefault(peer, List.of()));
    }

    List<PeerAddress> peerAddresses(List<NodeId> peers) {
        List<PeerAddress> out = new ArrayList<>(peers.size());
        for (NodeId peer : peers) {
            out.add(peerAddress(peer));
        }
        return out;
    }

    boolean hasAddresses(NodeId peer) {
        return addressBook.containsKey(peer);
    }

    void send(NodeId peer, MembershipFrame frame, long now) {
        effects.send(peer, frame);
        noteSent(peer, now);
    }

    void noteSent(NodeId peer, long now) {
        if (active.contains(peer)) {
            lastSentTo.put(peer, now);
        }
    }

    void sendKeepAlives(long now) {
        for (NodeId peer : active) {
            if (lastSentTo.getOrDefault(peer, now) + config.keepAliveMillis() <= now) {
                effects.send(peer, new KeepAlive());
                lastSentTo.put(peer, now);
            }
        }
    }

    long nextKeepAlive() {
        long next = Long.MAX_VALUE;
        for (long sent : lastSentTo.values()) {
            next = Math.min(next, sent + config.keepAliveMillis());
        }
        return next;
    }

    /** Drops addresses nobody needs any more (peers seen in walks and shuffles but not kept). */
    void pruneAddressBook() {
        addressBook.keySet().removeIf(this::unused);
        told.removeIf(this::unused);
    }

    void forgetIfUnused(NodeId peer) {
        if (unused(peer)) {
            addressBook.remove(peer);
            told.remove(peer);
        }
    }

    private boolean unused(NodeId peer) {
        return !active.contains(peer) && !passive.contains(peer) && !usedElsewhere.test(peer);
    }
}
