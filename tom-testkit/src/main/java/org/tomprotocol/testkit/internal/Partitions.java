package org.tomprotocol.testkit.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.tomprotocol.api.NodeId;

/**
 * The cuts currently splitting a network: two nodes are separated when any cut has one on each side. Cuts
 * name node ids, not transports, so a node that restarts stays on its side.
 */
public final class Partitions {
    private record Cut(Set<NodeId> sideA, Set<NodeId> sideB) {
        boolean separates(NodeId x, NodeId y) {
            return (sideA.contains(x) && sideB.contains(y)) || (sideB.contains(x) && sideA.contains(y));
        }
    }

    private final List<Cut> cuts = new ArrayList<>();

    /**
     * Adds a cut between {@code sideA} and {@code sideB}.
     *
     * @throws IllegalArgumentException if a side is empty or a node is on both sides
     */
    public void add(Collection<NodeId> sideA, Collection<NodeId> sideB) {
        Set<NodeId> a = copy(sideA, "sideA");
        Set<NodeId> b = copy(sideB, "sideB");
        for (NodeId node : a) {
            if (b.contains(node)) {
                throw new IllegalArgumentException("node " + node.shortForm()
                        + " is on both sides of the partition: list it on one side only");
            }
        }
        cuts.add(new Cut(a, b));
    }

    private static Set<NodeId> copy(Collection<NodeId> side, String name) {
        Objects.requireNonNull(side, name);
        if (side.isEmpty()) {
            throw new IllegalArgumentException("partition " + name + " is empty: name at least one node");
        }
        Set<NodeId> copy = new HashSet<>();
        for (NodeId node : side) {
            copy.add(Objects.requireNonNull(node, name + " contains null"));
        }
        return copy;
    }

    /** Whether a cut separates {@code x} from {@code y}. */
    public boolean separated(NodeId x, NodeId y) {
        for (Cut cut : cuts) {
            if (cut.separates(x, y)) {
                return true;
            }
        }
        return false;
    }

    /** Removes every cut. */
    public void clear() {
        cuts.clear();
    }

    /** Whether no cut is in place. */
    public boolean isEmpty() {
        return cuts.isEmpty();
    }
}
