package org.tomprotocol.discovery.gossip.plumtree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.discovery.gossip.wire.BroadcastId;

/**
 * Payloads received by gossip and handed to the node for validation, not yet answered. Nothing here is
 * stored for good or spread: that waits for the verdict. Bounded in total and per source (a neighbour, or
 * every non-neighbour together), so one sender cannot crowd out the others; a payload refused for room comes
 * again through another neighbour's IHave. Entries are forgotten after a fixed timeout, so insertion order
 * is expiry order.
 */
final class PendingValidations {
    /** Duplicates of one pending payload remembered, to prune or blame their senders once the verdict is in. */
    static final int MAX_DUPLICATE_SENDERS = 8;

    /** One payload awaiting its verdict. */
    static final class Pending {
        final long ticket;
        final BroadcastId id;
        final NodeId from;
        final Object source;
        final byte[] payload;
        final int hop;
        final long deadline;
        final List<NodeId> duplicateSenders = new ArrayList<>(0);

        private Pending(long ticket, BroadcastId id, NodeId from, Object source, byte[] payload, int hop,
                        long deadline) {
            this.ticket = ticket;
            this.id = id;
            this.from = from;
            this.source = source;
            this.payload = payload;
            this.hop = hop;
            this.deadline = deadline;
        }

        /** {@code peer} sent the same payload while it was pending. */
        void duplicateFrom(NodeId peer) {
            if (!peer.equals(from) && !duplicateSenders.contains(peer)
                    && duplicateSenders.size() < MAX_DUPLICATE_SENDERS) {
                duplicateSenders.add(peer);
            }
        }
    }

    private final Map<Long, Pending> byTicket = new LinkedHashMap<>();
    private final Map<BroadcastId, Pending> byId = new HashMap<>();
    private final Map<Object, Integer> perSource = new HashMap<>();
    private final int capacity;
    private final long timeoutMillis;
    private long nextTicket = 1;
    private long bytes;
    private long peakBytes;

    PendingValidations(int capacity, long timeoutMillis) {
        this.capacity = capacity;
        this.timeoutMillis = timeoutMillis;
    }

    /** The pending payload with id {@code id}, or {@code null}. */
    Pending get(BroadcastId id) {
        return byId.get(id);
    }

    boolean contains(BroadcastId id) {
        return byId.containsKey(id);
    }

    /** Whether one more payload from {@code source} fits, given it may have at most {@code allowance} pending. */
    boolean hasRoomFor(Object source, int allowance) {
        return byTicket.size() < capacity && perSource.getOrDefault(source, 0) < allowance;
    }

    /** Adds a payload (check {@link #hasRoomFor} first) and returns it, with the ticket to validate it under. */
    Pending add(BroadcastId id, NodeId from, Object source, byte[] payload, int hop, long now) {
        Pending pending = new Pending(nextTicket++, id, from, source, payload, hop, now + timeoutMillis);
        byTicket.put(pending.ticket, pending);
        byId.put(id, pending);
        perSource.merge(source, 1, Integer::sum);
        bytes += payload.length;
        peakBytes = Math.max(peakBytes, bytes);
        return pending;
    }

    /** Removes and returns the payload validated under {@code ticket}, or {@code null} if unknown (or expired). */
    Pending take(long ticket) {
        Pending pending = byTicket.remove(ticket);
        if (pending != null) {
            forget(pending);
        }
        return pending;
    }

    /** Forgets every payload whose verdict is overdue at {@code now}; returns how many. */
    int expire(long now) {
        int expired = 0;
        Iterator<Pending> iterator = byTicket.values().iterator();
        while (iterator.hasNext()) {
            Pending pending = iterator.next();
            if (pending.deadline > now) {
                break;
            }
            iterator.remove();
            forget(pending);
            expired++;
        }
        return expired;
    }

    /** When the oldest pending payload expires, or {@link Long#MAX_VALUE}. */
    long nextDeadline() {
        return byTicket.isEmpty() ? Long.MAX_VALUE : byTicket.values().iterator().next().deadline;
    }

    int size() {
        return byTicket.size();
    }

    /** Bytes of payload held. */
    long bytes() {
        return bytes;
    }

    /** The most bytes of payload ever held at once. */
    long peakBytes() {
        return peakBytes;
    }

    private void forget(Pending pending) {
        byId.remove(pending.id);
        perSource.computeIfPresent(pending.source, (source, count) -> count == 1 ? null : count - 1);
        bytes -= pending.payload.length;
    }
}
