package org.tomprotocol.core.engine;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map whose entries live a fixed time, holding at most {@code capacity} of them (oldest evicted first).
 * Single-threaded.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class ExpiringMap<K, V> {
    private record Timed<V>(V value, long expiry) {
    }

    private final long ttlMillis;
    private final int capacity;
    private final LinkedHashMap<K, Timed<V>> entries = new LinkedHashMap<>();

    public ExpiringMap(long ttlMillis, int capacity) {
        this.ttlMillis = ttlMillis;
        this.capacity = capacity;
    }

    public void put(K key, V value, long now) {
        entries.remove(key);
        if (entries.size() >= capacity) {
            purge(now);
            if (entries.size() >= capacity) {
                Iterator<K> oldest = entries.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
        }
        entries.put(key, new Timed<>(value, now + ttlMillis));
    }

    /** The value, or {@code null} if absent or expired. */
    public V get(K key, long now) {
        Timed<V> timed = entries.get(key);
        return timed == null || timed.expiry() <= now ? null : timed.value();
    }

    public void remove(K key) {
        entries.remove(key);
    }

    public int purge(long now) {
        int removed = 0;
        Iterator<Map.Entry<K, Timed<V>>> iterator = entries.entrySet().iterator();
        while (iterator.hasNext() && iterator.next().getValue().expiry() <= now) {
            iterator.remove();
            removed++;
        }
        return removed;
    }

    public int size() {
        return entries.size();
    }
}
