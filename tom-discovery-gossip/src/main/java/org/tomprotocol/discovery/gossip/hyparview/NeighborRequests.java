package org.tomprotocol.discovery.gossip.hyparview;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.tomprotocol.api.NodeId;

/** Neighbour requests sent and not answered yet, each with its deadline and why it was sent. */
final class NeighborRequests {
    /** Why a neighbour request was sent, which decides what an unanswered one costs the peer. */
    enum Purpose {
        /** To fill a free slot from the passive view: unanswered, the peer is dropped as lost. */
        REFILL,
        /** To probe a lost peer again: unanswered, it backs off. */
        PROBE,
        /** To end a join walk at a newcomer this node only heard of: unanswered, it is simply forgotten. */
        WALK_END
    }

    /** A request awaiting its answer until {@code deadline}. */
    record Pending(long deadline, Purpose purpose) {
    }

    private final Map<NodeId, Pending> pending = new LinkedHashMap<>();

    void sent(NodeId peer, Purpose purpose, long deadline) {
        pending.put(peer, new Pending(deadline, purpose));
    }

    /** {@code peer} answered (or is no longer asked): forgets the request and returns it, or {@code null}. */
    Pending answered(NodeId peer) {
        return pending.remove(peer);
    }

    boolean awaits(NodeId peer) {
        return pending.containsKey(peer);
    }

    int size() {
        return pending.size();
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /** Removes and returns the requests unanswered at {@code now}, oldest first. */
    Map<NodeId, Pending> takeOverdue(long now) {
        Map<NodeId, Pending> overdue = new LinkedHashMap<>();
        Iterator<Map.Entry<NodeId, Pending>> iterator = pending.entrySet().iterator();
        while (iterator.hasNext()) {
            Map.Entry<NodeId, Pending> entry = iterator.next();
            if (entry.getValue().deadline() <= now) {
                overdue.put(entry.getKey(), entry.getValue());
                iterator.remove();
            }
        }
        return overdue;
    }

    /** The earliest deadline, or {@link Long#MAX_VALUE}. */
    long nextDeadline() {
        long next = Long.MAX_VALUE;
        for (Pending request : pending.values()) {
            next = Math.min(next, request.deadline());
        }
        return next;
    }
}
