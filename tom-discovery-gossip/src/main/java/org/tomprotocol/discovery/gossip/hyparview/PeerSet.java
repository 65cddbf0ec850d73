package org.tomprotocol.discovery.gossip.hyparview;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

import org.tomprotocol.api.NodeId;

/** A set of peers with constant-time membership and uniform random picks; iteration order is deterministic. */
final class PeerSet implements Iterable<NodeId> {
    private final List<NodeId> items = new ArrayList<>();
    private final Map<NodeId, Integer> index = new HashMap<>();

    boolean add(NodeId peer) {
        if (index.containsKey(peer)) {
            return false;
        }
        index.put(peer, items.size());
        items.add(peer);
        return true;
    }

    boolean remove(NodeId peer) {
        Integer at = index.remove(peer);
        if (at == null) {
            return false;
        }
        NodeId last = items.remove(items.size() - 1);
        if (at < items.size()) {
            items.set(at, last);
            index.put(last, at);
        }
        return true;
    }

    boolean contains(NodeId peer) {
        return index.containsKey(peer);
    }

    int size() {
        return items.size();
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    /** A uniformly random member not {@code excluded}, or {@code null}. */
    NodeId random(RandomGenerator random, Predicate<NodeId> excluded) {
        List<NodeId> sample = sample(1, random, excluded);
        return sample.isEmpty() ? null : sample.get(0);
    }

    /** Up to {@code count} distinct random members not {@code excluded}. */
    List<NodeId> sample(int count, RandomGenerator random, Predicate<NodeId> excluded) {
        List<NodeId> candidates = new ArrayList<>(items.size());
        for (NodeId peer : items) {
            if (!excluded.test(peer)) {
                candidates.add(peer);
            }
        }
        int wanted = Math.min(count, candidates.size());
        for (int i = 0; i < wanted; i++) {
            Collections.swap(candidates, i, i + random.nextInt(candidates.size() - i));
        }
        return new ArrayList<>(candidates.subList(0, wanted));
    }

    List<NodeId> snapshot() {
        return List.copyOf(items);
    }

    @Override
    public Iterator<NodeId> iterator() {
        return Collections.unmodifiableList(items).iterator();
    }
}
