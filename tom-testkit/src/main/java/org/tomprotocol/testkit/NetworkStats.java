package org.tomprotocol.testkit;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A snapshot of a {@link MemoryNetwork}'s counters. Once no frame is in flight,
 * {@code framesSent + framesDuplicated == framesDelivered + framesDroppedTotal()}.
 *
 * @param framesSent       frames handed to the network by {@code send}
 * @param framesDelivered  frame copies given to a receiver's listener
 * @param framesDuplicated extra copies the network made
 * @param framesDropped    frame copies dropped, by reason (every reason present, possibly 0)
 * @param sessionsOpened   sessions accepted by a responder
 */
public record NetworkStats(long framesSent, long framesDelivered, long framesDuplicated,
                           Map<DropReason, Long> framesDropped, long sessionsOpened) {
    public NetworkStats {
        EnumMap<DropReason, Long> complete = new EnumMap<>(DropReason.class);
        for (DropReason reason : DropReason.values()) {
            complete.put(reason, framesDropped.getOrDefault(reason, 0L));
        }
        framesDropped = Collections.unmodifiableMap(complete);
    }

    /** Frame copies dropped for {@code reason}. */
    public long dropped(DropReason reason) {
        return framesDropped.get(reason);
    }

    /** Frame copies dropped for any reason. */
    public long framesDroppedTotal() {
        long total = 0;
        for (long count : framesDropped.values()) {
            total += count;
        }
        return total;
    }
}
