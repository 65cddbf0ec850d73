package org.tomprotocol.core.engine;

import java.util.Map;
import java.util.TreeMap;

import org.agrona.collections.LongHashSet;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;

/**
 * The messages this node delivered, remembered for as long as their envelopes are accepted — from the
 * envelope's timestamp until {@link ProtocolConstants#MAX_AGE_MS} after it — so that a copy replayed hours
 * later (by a relay, say) is acknowledged again and never delivered twice.
 *
 * <p>Entries are 64-bit hashes of (sender, message id), filed by the minute of the envelope's signed timestamp:
 * a replay carries the same timestamp, so it is looked up in one small set, and a whole minute expires at once.
 * About 16 bytes a message. Past {@code capacity} entries the oldest minute is dropped and the window's floor
 * rises to its end: envelopes timestamped below the floor are refused rather than risk delivering a replay.
 * Only a flood of hundreds of thousands of distinct valid messages a day can raise the floor; the floor is
 * counted, never silent. Pure and single-threaded.
 */
final class ReplayWindow implements MessageHolder {
    /** What {@link #admit} found. */
    enum Verdict {
        /** Never seen: deliver it. */
        NEW,
        /** Delivered before: acknowledge it again, deliver nothing. */
        SEEN,
        /** Older than what the window still remembers: refuse it. */
        BELOW_FLOOR
    }

    private static final long MINUTE_MS = 60_000;

    private final int capacity;
    private final TreeMap<Long, LongHashSet> byMinute = new TreeMap<>();
    private int size;
    private long floor = Long.MIN_VALUE;

    ReplayWindow(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Looks the message up without remembering it. */
    Verdict check(NodeId from, MessageId id, long timestamp) {
        if (timestamp < floor) {
            return Verdict.BELOW_FLOOR;
        }
        LongHashSet minute = byMinute.get(Math.floorDiv(timestamp, MINUTE_MS));
        return minute != null && minute.contains(key(from, id)) ? Verdict.SEEN : Verdict.NEW;
    }

    /** Remembers a message now delivered (after {@link #check} said {@link Verdict#NEW}). */
    void remember(NodeId from, MessageId id, long timestamp) {
        if (byMinute.computeIfAbsent(Math.floorDiv(timestamp, MINUTE_MS), ignored -> new LongHashSet())
                .add(key(from, id))) {
            size++;
        }
        while (size > capacity) {
            Map.Entry<Long, LongHashSet> oldest = byMinute.pollFirstEntry();
            size -= oldest.getValue().size();
            floor = Math.max(floor, (oldest.getKey() + 1) * MINUTE_MS);
        }
    }

    /** Forgets minutes whose envelopes are no longer accepted at {@code now} anyway. */
    void purge(long now) {
        long lastExpiredMinute = Math.floorDiv(now - ProtocolConstants.MAX_AGE_MS, MINUTE_MS) - 1;
        Map<Long, LongHashSet> expired = byMinute.headMap(lastExpiredMinute, true);
        for (LongHashSet minute : expired.values()) {
            size -= minute.size();
        }
        expired.clear();
    }

    /** Messages remembered. */
    @Override
    public int messagesHeld() {
        return size;
    }

    /** The oldest envelope timestamp still accepted, {@link Long#MIN_VALUE} while nothing was dropped early. */
    long floor() {
        return floor;
    }

    /** 64 bits of (sender, id): among a million messages, two collide with a chance of about 3 in 10^8. */
    private static long key(NodeId from, MessageId id) {
        long hash = 0x9E3779B97F4A7C15L;
        byte[] sender = from.toBytes();
        for (byte b : sender) {
            hash = (hash ^ (b & 0xff)) * 0x100000001B3L;
        }
        String value = id.value();
        for (int i = 0; i < value.length(); i++) {
            hash = (hash ^ value.charAt(i)) * 0x100000001B3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xFF51AFD7ED558CCDL;
        hash ^= hash >>> 33;
        hash *= 0xC4CEB9FE1A85EC53L;
        return hash ^ (hash >>> 33);
    }
}
