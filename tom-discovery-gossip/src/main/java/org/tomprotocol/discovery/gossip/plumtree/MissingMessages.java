package org.tomprotocol.discovery.gossip.plumtree;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.discovery.gossip.wire.BroadcastId;

/**
 * Broadcasts announced by IHave but not received yet: who announced each one (in order, with the round it
 * would arrive at), and one graft timer per broadcast. Bounded: the oldest entry goes when full, a
 * broadcast keeps at most {@value #MAX_ANNOUNCERS} announcers, and one neighbour may have opened at most a
 * quarter of the entries, so a neighbour announcing ids that never come cannot push out the others' entries.
 */
final class MissingMessages {
    /** A neighbour that announced a broadcast, and the round it offered it at. */
    record Announcer(NodeId peer, int round) {
    }

    private record Timer(long at, long sequence, BroadcastId id) {
    }

    static final int MAX_ANNOUNCERS = 8;
    private static final Comparator<Timer> ORDER =
            Comparator.comparingLong(Timer::at).thenComparingLong(Timer::sequence);

    private final Map<BroadcastId, ArrayDeque<Announcer>> missing = new LinkedHashMap<>();
    private final Map<BroadcastId, NodeId> openedBy = new HashMap<>();
    private final Map<NodeId, Integer> openedCount = new HashMap<>();
    private final Map<BroadcastId, Long> armed = new HashMap<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>(ORDER);
    private final int capacity;
    private final int perOpener;
    private long nextSequence;

    MissingMessages(int capacity) {
        this.capacity = capacity;
        this.perOpener = Math.max(1, capacity / 4);
    }

    /**
     * Records that {@code peer} announced {@code id}; arms a graft timer at {@code graftAt} if none is armed.
     * An id new to the table is not recorded if {@code peer} already opened its share of the entries.
     */
    void announced(BroadcastId id, NodeId peer, int round, long graftAt) {
        ArrayDeque<Announcer> announcers = missing.get(id);
        if (announcers == null) {
            if (openedCount.getOrDefault(peer, 0) >= perOpener) {
                return;
            }
            if (missing.size() >= capacity) {
                Iterator<BroadcastId> oldest = missing.keySet().iterator();
                BroadcastId dropped = oldest.next();
                armed.remove(dropped);
                oldest.remove();
                closed(dropped);
            }
            announcers = new ArrayDeque<>(2);
            missing.put(id, announcers);
            openedBy.put(id, peer);
            openedCount.merge(peer, 1, Integer::sum);
        }
        if (announcers.size() < MAX_ANNOUNCERS) {
            announcers.add(new Announcer(peer, round));
        }
        if (!armed.containsKey(id)) {
            arm(id, graftAt);
        }
    }

    /** The broadcast arrived: forgets it and returns who had announced it (possibly nobody). */
    List<Announcer> received(BroadcastId id) {
        armed.remove(id);
        ArrayDeque<Announcer> announcers = missing.remove(id);
        if (announcers == null) {
            return List.of();
        }
        closed(id);
        return List.copyOf(announcers);
    }

    /** Removes and returns the first announcer of {@code id}, or {@code null}; forgets {@code id} when none is left. */
    Announcer takeAnnouncer(BroadcastId id) {
        ArrayDeque<Announcer> announcers = missing.get(id);
        Announcer first = announcers == null ? null : announcers.poll();
        if (first == null) {
            if (missing.remove(id) != null) {
                closed(id);
            }
            armed.remove(id);
        }
        return first;
    }

    /** The entry of {@code id} is gone: it no longer counts against the neighbour that opened it. */
    private void closed(BroadcastId id) {
        NodeId opener = openedBy.remove(id);
        if (opener != null) {
            openedCount.computeIfPresent(opener, (peer, count) -> count == 1 ? null : count - 1);
        }
    }

    void arm(BroadcastId id, long at) {
        long sequence = nextSequence++;
        armed.put(id, sequence);
        timers.add(new Timer(at, sequence, id));
    }

    /** The next broadcast whose graft timer is due at {@code now}, disarmed; or {@code null}. */
    BroadcastId takeDue(long now) {
        while (!timers.isEmpty() && timers.peek().at() <= now) {
            Timer timer = timers.poll();
            Long current = armed.get(timer.id());
            if (current != null && current == timer.sequence()) {
                armed.remove(timer.id());
                return timer.id();
            }
        }
        return null;
    }

    /** When the next live graft timer is due, or {@link Long#MAX_VALUE}. */
    long nextDeadline() {
        while (!timers.isEmpty()) {
            Timer first = timers.peek();
            Long current = armed.get(first.id());
            if (current != null && current == first.sequence()) {
                return first.at();
            }
            timers.poll();
        }
        return Long.MAX_VALUE;
    }

    /** A neighbour went away: its announcements are worthless now. */
    void forgetPeer(NodeId peer) {
        for (ArrayDeque<Announcer> announcers : missing.values()) {
            announcers.removeIf(announcer -> announcer.peer().equals(peer));
        }
    }

    int size() {
        return missing.size();
    }
}
