package org.tomprotocol.core.runtime;

import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.engine.StampGate;
import org.tomprotocol.core.wire.Envelope;
import org.tomprotocol.core.wire.MessageType;
import org.tomprotocol.core.wire.Stamp;

/**
 * The stamps origins owe this node, as its engine told them (a {@code Price}), for the transports' threads to check a
 * chat's stamp before its signature. Written by the agent, read by any thread; at most {@value #CAPACITY} origins
 * (past it, expired ones go, and a new one is not kept: the engine still prices every verified chat).
 */
final class OwedStamps implements StampGate {
    static final int CAPACITY = 4_096;

    private record Owed(int bits, long until) {
    }

    private final ConcurrentHashMap<NodeId, Owed> owed = new ConcurrentHashMap<>();

    /** {@code origin} owes stamps of {@code bits} from {@code now} until {@code until} (agent time); 0 bits: nothing. */
    void owe(NodeId origin, int bits, long now, long until) {
        if (bits == 0) {
            owed.remove(origin);
            return;
        }
        if (owed.size() >= CAPACITY && !owed.containsKey(origin)) {
            owed.values().removeIf(debt -> debt.until() <= now);
            if (owed.size() >= CAPACITY) {
                return;
            }
        }
        owed.put(origin, new Owed(bits, until));
    }

    @Override
    public boolean unpaid(Envelope envelope, OptionalLong stamp, long now) {
        if (envelope.type() != MessageType.Chat) {
            return false;
        }
        Owed debt = owed.get(envelope.from());
        if (debt == null || now >= debt.until()) {
            return false;
        }
        return stamp.isEmpty() || !Stamp.verify(envelope, stamp.getAsLong(), debt.bits());
    }

    int size() {
        return owed.size();
    }
}
