package org.example.tom.staticpeers;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.tomprotocol.api.NodeId;

/**
 * The payloads this node was asked to judge and has not judged yet, by ticket: bounded in all, and per neighbour,
 * so that one neighbour sending junk cannot crowd out the payloads of the others. A ticket is forgotten
 * {@value #TTL_MILLIS} ms after it was issued (the node may never answer when it is overloaded). Pure: the time
 * is passed in.
 */
final class PendingValidations {
    static final long TTL_MILLIS = 10_000;
    static final int CAPACITY = 256;
    static final int PER_NEIGHBOUR = 32;

    /** A payload waiting for the node's verdict. */
    record Pending(NodeId from, byte[] payload, long expiresAt) {
    }

    private final Map<Long, Pending> byTicket = new LinkedHashMap<>();
    private final Map<NodeId, Integer> perNeighbour = new HashMap<>();
    private long nextTicket;

    /**
     * Issues a ticket for {@code payload} from {@code from}, or returns -1 when this node already waits for too
     * many verdicts, in all or from {@code from}.
     */
    long issue(NodeId from, byte[] payload, long now) {
        expire(now);
        if (byTicket.size() >= CAPACITY || perNeighbour.getOrDefault(from, 0) >= PER_NEIGHBOUR) {
            return -1;
        }
        long ticket = nextTicket++;
        byTicket.put(ticket, new Pending(from, payload, now + TTL_MILLIS));
        perNeighbour.merge(from, 1, Integer::sum);
        return ticket;
    }

    /** Takes the payload of {@code ticket} out, or {@code null} if the ticket is unknown, answered or forgotten. */
    Pending answer(long ticket, long now) {
        expire(now);
        Pending pending = byTicket.remove(ticket);
        if (pending != null) {
            release(pending.from());
        }
        return pending;
    }

    /** Forgets tickets issued {@value #TTL_MILLIS} ms or more before {@code now}. */
    void expire(long now) {
        Iterator<Pending> oldest = byTicket.values().iterator();
        while (oldest.hasNext()) {
            Pending pending = oldest.next();
            if (pending.expiresAt() > now) {
                return;
            }
            oldest.remove();
            release(pending.from());
        }
    }

    /** When the oldest ticket is forgotten, or {@link Long#MAX_VALUE} when none waits. */
    long nextExpiry() {
        Iterator<Pending> oldest = byTicket.values().iterator();
        return oldest.hasNext() ? oldest.next().expiresAt() : Long.MAX_VALUE;
    }

    int size() {
        return byTicket.size();
    }

    private void release(NodeId from) {
        perNeighbour.computeIfPresent(from, (id, count) -> count == 1 ? null : count - 1);
    }
}
