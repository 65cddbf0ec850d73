package org.tomprotocol.core.runtime;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;

/**
 * Where a node's envelope ids come from: random UUIDs; or, for a node given a random seed (a reproducible run), a
 * sequence drawn from that seed and the node's id. Ids order the engine's maps and are what a stamp proves work
 * over, so a simulation is the same each time only if they are too. Unique per node and seed, but predictable: for
 * simulations and tests. Thread-safe.
 */
final class MessageIds implements Supplier<MessageId> {
    private final long high;
    private final long lowSalt;
    private final AtomicLong counter = new AtomicLong();
    private final boolean seeded;

    private MessageIds(long high, long lowSalt, boolean seeded) {
        this.high = high;
        this.lowSalt = lowSalt;
        this.seeded = seeded;
    }

    static MessageIds random() {
        return new MessageIds(0, 0, false);
    }

    static MessageIds seeded(long seed, NodeId node) {
        byte[] key = node.toBytes();
        long prefix = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            prefix = prefix << 8 | (key[i] & 0xff);
        }
        return new MessageIds(mix(seed) ^ prefix, mix(seed + 1), true);
    }

    @Override
    public MessageId get() {
        if (!seeded) {
            return MessageId.random();
        }
        // mix is a bijection: distinct counts give distinct ids under one high half
        return new MessageId(new UUID(high, mix(counter.incrementAndGet() ^ lowSalt)).toString());
    }

    /** SplitMix64's finalizer. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
