package org.tomprotocol.core.engine;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers keys for a fixed time, holding at most {@code capacity} of them: when full, expired keys go
 * first, then the oldest. Insertion order equals expiry order because every key lives equally long.
 * Single-threaded.
 *
 * @param <K> key type
 */
public final class ExpiringSet<K> {
    private final long ttlMillis;
    private final int capacity;
    private final LinkedHashMap<K, Long> expiries = new LinkedHashMap<>();

    public ExpiringSet(long ttlMillis, int capacity) {
        if (ttlMillis <= 0 || capacity <= 0) {
            throw new IllegalArgumentException("ttl and capacity must be positive");
        }
        this.ttlMillis = ttlMillis;
        this.capacity = capacity;
    }

    /** Whether {@code key} was added less than the ttl before {@code now}. */
    public boolean contains(K key, long now) {
        Long expiry = expiries.get(key);
        return expiry != null && expiry > now;
    }

    /**
     * Adds {@code key} unless present; returns {@code true} if it was not present (i.e. first sighting).
     */
    public boolean add(K key, long now) {
        Long expiry = expiries.get(key);
        if (expiry != null && expiry > now) {
            return false;
        }
        if (expiry != null) {
            expiries.remove(key);
        }
        if (expiries.size() >= capacity) {
            purge(now);
            if (expiries.size() >= capacity) {
                Iterator<K> oldest = expiries.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
        }
        expiries.put(key, now + ttlMillis);
        return true;
    }

    /** Drops expired keys; returns how many. */
    public int purge(long now) {
        int removed = 0;
        Iterator<Map.Entry<K, Long>> iterator = expiries.entrySet().iterator();
        while (iterator.hasNext()) {
            if (iterator.next().getValue() > now) {
                break;
            }
            iterator.remove();
            removed++;
        }
        return removed;
    }

    public int size() {
        return expiries.size();
    }
}
