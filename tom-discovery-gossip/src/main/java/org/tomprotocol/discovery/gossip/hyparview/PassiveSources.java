package org.tomprotocol.discovery.gossip.hyparview;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tomprotocol.api.NodeId;

/**
 * Who put each passive peer in the passive view: the neighbour whose frame named it, the peer itself when it
 * spoke for itself, or {@link #STRANGERS} for peers that offered themselves without being asked. Each source
 * may hold only a bounded share of the view, so one hostile neighbour (or a crowd of strangers) cannot fill
 * it with its own Sybils and cut this node off from the honest network.
 */
final class PassiveSources {
    /** The one source shared by every peer that offered itself unasked while not a neighbour. */
    static final Object STRANGERS = new Object() {
        @Override
        public String toString() {
            return "strangers";
        }
    };

    private final Map<NodeId, Object> sourceOf = new HashMap<>();
    private final Map<Object, List<NodeId>> bySource = new HashMap<>();
    private final int share;

    PassiveSources(int share) {
        this.share = share;
    }

    /** Whether {@code source} already holds its whole share. */
    boolean full(Object source) {
        return bySource.getOrDefault(source, List.of()).size() >= share;
    }

    /** The passive peers {@code source} put there. */
    List<NodeId> from(Object source) {
        return List.copyOf(bySource.getOrDefault(source, List.of()));
    }

    void add(NodeId peer, Object source) {
        remove(peer);
        sourceOf.put(peer, source);
        bySource.computeIfAbsent(source, ignored -> new ArrayList<>()).add(peer);
    }

    void remove(NodeId peer) {
        Object source = sourceOf.remove(peer);
        if (source != null) {
            List<NodeId> peers = bySource.get(source);
            peers.remove(peer);
            if (peers.isEmpty()) {
                bySource.remove(source);
            }
        }
    }

    int share() {
        return share;
    }
}
