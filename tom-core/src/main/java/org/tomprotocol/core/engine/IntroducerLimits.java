package org.tomprotocol.core.engine;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.state.TokenBucket;

/**
 * How many introductions (rendezvous) each neighbour may make this node act on: a burst of
 * {@value #BURST}, then one every {@value #REFILL_SECONDS} s. An honest relay introduces each pair it carries
 * once, then with a backoff from 1 s to 30 s, so it stays well inside; a hostile one cannot make this node
 * probe faster than that, however many envelopes it sends. Bounded; pure; time passed in.
 */
final class IntroducerLimits {
    static final int BURST = 8;
    static final int REFILL_SECONDS = 2;
    private static final int CAPACITY = 4_096;

    private final Map<NodeId, TokenBucket> buckets = new LinkedHashMap<>(16, 0.75f, true);

    /** Whether {@code introducer} may have one more introduction acted on at {@code now}. */
    boolean allow(NodeId introducer, long now) {
        TokenBucket bucket = buckets.get(introducer);
        if (bucket == null) {
            if (buckets.size() >= CAPACITY) {
                forgetFullBuckets(now);
            }
            if (buckets.size() >= CAPACITY) {
                // every tracked neighbour is in debt: the least recently active one makes room
                Iterator<TokenBucket> eldest = buckets.values().iterator();
                eldest.next();
                eldest.remove();
            }
            bucket = new TokenBucket(BURST, 1.0 / REFILL_SECONDS, now);
            buckets.put(introducer, bucket);
        }
        return bucket.tryTake(1, now);
    }

    private void forgetFullBuckets(long now) {
        buckets.values().removeIf(bucket -> bucket.isFull(now));
    }
}
