package org.tomprotocol.core.engine;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.SubnetEvent;
import org.tomprotocol.spi.state.DecayingCount;

/**
 * Ephemeral subnets as this node sees them (docs/roles.md): who talks with whom — its own chats, sent and received,
 * and the chats it carries for others — as pairs whose weight is a count of messages with a
 * {@value #PAIR_HALF_LIFE_MS} ms half-life. Every {@value #REVIEW_EVERY_MS} ms: a subnet with no message among its
 * members for {@value #IDLE_MS} ms dissolves, as does one where fewer than {@value #MIN_SIZE} members still have a
 * pair of weight {@value #STAYING_PAIR} or more with another; then nodes in no subnet, joined by strong pairs (weight
 * {@value #STRONG_PAIR} or more: the gap is the hysteresis), form new ones of {@value #MIN_SIZE} to
 * {@value #MAX_SIZE} (Gen-2's numbers) — a larger group its first {@value #MAX_SIZE} breadth first, the others
 * waiting — a node dissolved in this review waiting for the next. At most {@value #MAX_PAIRS} pairs are kept, the
 * least recently used forgotten first. Pure; the time is passed in; agent thread only.
 */
final class EphemeralSubnets {
    /** Three messages within the last two and a half minutes or so (more over a longer time): Gen-2's "3 messages". */
    static final double STRONG_PAIR = 2.5;
    static final double STAYING_PAIR = 1;
    static final int MIN_SIZE = 3;
    static final int MAX_SIZE = 10;
    static final long IDLE_MS = 5 * 60_000;
    static final long PAIR_HALF_LIFE_MS = 10 * 60_000;
    static final long REVIEW_EVERY_MS = 30_000;
    static final int MAX_PAIRS = 4_096;

    /** Two nodes, the lower id first. */
    private record Pair(NodeId low, NodeId high) {
        static Pair of(NodeId a, NodeId b) {
            return a.compareTo(b) <= 0 ? new Pair(a, b) : new Pair(b, a);
        }
    }

    private static final class Talk {
        final DecayingCount weight = new DecayingCount(PAIR_HALF_LIFE_MS);
        long lastAt;
    }

    private record Subnet(String id, Set<NodeId> members) {
    }

    private final Map<Pair, Talk> pairs = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Pair, Talk> eldest) {
            return size() > MAX_PAIRS;
        }
    };
    private final Map<String, Subnet> subnets = new LinkedHashMap<>();
    private final Map<NodeId, Subnet> subnetOf = new HashMap<>();
    private long nextReview = Long.MIN_VALUE;
    private int formed;

    /** {@code from} sent {@code to} a chat this node sent, received or carried, at {@code now}. */
    void talked(NodeId from, NodeId to, long now) {
        if (from.equals(to)) {
            return;
        }
        Talk talk = pairs.computeIfAbsent(Pair.of(from, to), ignored -> new Talk());
        talk.weight.add(1, now);
        talk.lastAt = now;
    }

    /** Whether {@code a} and {@code b} are in one subnet. */
    boolean together(NodeId a, NodeId b) {
        Subnet subnet = subnetOf.get(a);
        return subnet != null && subnet.members().contains(b);
    }

    /** The subnets as they stand, by id. */
    Map<String, Set<NodeId>> current() {
        Map<String, Set<NodeId>> view = new LinkedHashMap<>();
        subnets.forEach((id, subnet) -> view.put(id, subnet.members()));
        return view;
    }

    /** Pairs of nodes kept, at most {@link #MAX_PAIRS}. */
    int pairsKept() {
        return pairs.size();
    }

    /** Dissolves and forms subnets if a review is due, telling {@code events} of each change. */
    void review(long now, Consumer<SubnetEvent> events) {
        if (now < nextReview) {
            return;
        }
        nextReview = now + REVIEW_EVERY_MS;
        Set<NodeId> justDissolved = new HashSet<>();
        for (Subnet subnet : new ArrayList<>(subnets.values())) {
            SubnetEvent.Kind end = ending(subnet, now);
            if (end != null) {
                subnets.remove(subnet.id());
                subnet.members().forEach(subnetOf::remove);
                justDissolved.addAll(subnet.members());
                events.accept(new SubnetEvent(end, subnet.id(), subnet.members(), Instant.ofEpochMilli(now)));
            }
        }
        for (Set<NodeId> members : newSubnets(justDissolved, now)) {
            Subnet subnet = new Subnet("subnet-" + ++formed, members);
            subnets.put(subnet.id(), subnet);
            members.forEach(member -> subnetOf.put(member, subnet));
            events.accept(new SubnetEvent(SubnetEvent.Kind.FORMED, subnet.id(), members, Instant.ofEpochMilli(now)));
        }
    }

    /** Why {@code subnet} ends now, or {@code null} if it lives on. */
    private SubnetEvent.Kind ending(Subnet subnet, long now) {
        long lastAt = Long.MIN_VALUE;
        Set<NodeId> stillTalking = new HashSet<>();
        for (Map.Entry<Pair, Talk> entry : pairs.entrySet()) {
            Pair pair = entry.getKey();
            if (subnet.members().contains(pair.low()) && subnet.members().contains(pair.high())) {
                lastAt = Math.max(lastAt, entry.getValue().lastAt);
                if (entry.getValue().weight.value(now) >= STAYING_PAIR) {
                    stillTalking.add(pair.low());
                    stillTalking.add(pair.high());
                }
            }
        }
        if (lastAt == Long.MIN_VALUE || now - lastAt > IDLE_MS) {
            return SubnetEvent.Kind.DISSOLVED_IDLE;
        }
        return stillTalking.size() < MIN_SIZE ? SubnetEvent.Kind.DISSOLVED_TOO_FEW : null;
    }

    /** Nodes in no subnet (and not dissolved now) joined by strong pairs, in groups of MIN_SIZE to MAX_SIZE. */
    private List<Set<NodeId>> newSubnets(Set<NodeId> justDissolved, long now) {
        Map<NodeId, List<NodeId>> strong = new LinkedHashMap<>();
        for (Map.Entry<Pair, Talk> entry : pairs.entrySet()) {
            Pair pair = entry.getKey();
            if (entry.getValue().weight.value(now) < STRONG_PAIR || !free(pair.low(), justDissolved)
                    || !free(pair.high(), justDissolved)) {
                continue;
            }
            strong.computeIfAbsent(pair.low(), ignored -> new ArrayList<>()).add(pair.high());
            strong.computeIfAbsent(pair.high(), ignored -> new ArrayList<>()).add(pair.low());
        }
        List<Set<NodeId>> found = new ArrayList<>();
        Set<NodeId> placed = new HashSet<>();
        for (NodeId start : strong.keySet()) {
            if (placed.contains(start)) {
                continue;
            }
            Set<NodeId> group = new TreeSet<>();
            ArrayDeque<NodeId> queue = new ArrayDeque<>(List.of(start));
            placed.add(start);
            while (!queue.isEmpty()) {
                NodeId node = queue.poll();
                if (group.size() < MAX_SIZE) {
                    group.add(node);
                }
                for (NodeId next : strong.get(node)) {
                    if (placed.add(next)) {
                        queue.add(next);
                    }
                }
            }
            if (group.size() >= MIN_SIZE) {
                found.add(group);
            }
        }
        return found;
    }

    private boolean free(NodeId node, Set<NodeId> justDissolved) {
        return !subnetOf.containsKey(node) && !justDissolved.contains(node);
    }
}
