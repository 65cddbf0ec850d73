package org.tomprotocol.discovery.gossip.hyparview;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.tomprotocol.api.NodeId;

/**
 * Peers dropped because they looked dead (their session failed or they did not answer). They are probed
 * again now and then with exponential back-off, because "dead" may have been a partition or a restart:
 * reconnecting to one of them is how two halves of a healed partition find each other again.
 */
final class LostPeers {
    private record Entry(int failedProbes, long nextProbeAt) {
    }

    private final Map<NodeId, Entry> entries = new LinkedHashMap<>();
    private final int capacity;
    private final long probeInterval;
    private final int maxProbes;

    LostPeers(int capacity, long probeInterval, int maxProbes) {
        this.capacity = capacity;
        this.probeInterval = probeInterval;
        this.maxProbes = maxProbes;
    }

    /** Remembers {@code peer} as lost at {@code now}; the oldest entry makes room when full. */
    void add(NodeId peer, long now) {
        if (capacity == 0 || entries.containsKey(peer)) {
            return;
        }
        if (entries.size() >= capacity) {
            Iterator<NodeId> oldest = entries.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        entries.put(peer, new Entry(0, now + probeInterval));
    }

    boolean remove(NodeId peer) {
        return entries.remove(peer) != null;
    }

    boolean contains(NodeId peer) {
        return entries.containsKey(peer);
    }

    /** A probe of {@code peer} went unanswered: back off, or give up after the last allowed probe. */
    void probeFailed(NodeId peer, long now) {
        Entry entry = entries.get(peer);
        if (entry == null) {
            return;
        }
        int failed = entry.failedProbes() + 1;
        if (failed >= maxProbes) {
            entries.remove(peer);
        } else {
            entries.put(peer, new Entry(failed, now + (probeInterval << failed)));
        }
    }

    /** The first peer whose probe is due at {@code now}, or {@code null}; its next probe is pushed back. */
    NodeId takeDue(long now) {
        for (Map.Entry<NodeId, Entry> entry : entries.entrySet()) {
            if (entry.getValue().nextProbeAt() <= now) {
                entry.setValue(new Entry(entry.getValue().failedProbes(), Long.MAX_VALUE));
                return entry.getKey();
            }
        }
        return null;
    }

    /** When the next probe is due, or {@link Long#MAX_VALUE}. */
    long nextProbeAt() {
        long next = Long.MAX_VALUE;
        for (Entry entry : entries.values()) {
            next = Math.min(next, entry.nextProbeAt());
        }
        return next;
    }

    int size() {
        return entries.size();
    }
}
