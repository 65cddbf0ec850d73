package org.tomprotocol.spi.state;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomprotocol.api.Api;

/**
 * A map whose entries live a fixed time after they were put, holding at most {@code capacity} of them: when full,
 * expired entries go first, then the oldest. Since every entry lives equally long, insertion order is expiry
 * order. The time is passed in. Not thread-safe.
 *
 * @param <K> key type
 * @param <V> value type
 */
@Api(status = Api.Status.INCUBATING, since = "0.1")
public final class ExpiringMap<K, V> {
    private record Timed<V>(V value, long expiry) {
    }

    private final long ttlMillis;
    private final int capacity;
    private final LinkedHashMap<K, Timed<V>> entries = new LinkedHashMap<>();

    public ExpiringMap(long ttlMillis, int capacity) {
        if (ttlMillis <= 0 || capacity <= 0) {
            throw new IllegalArgumentException("ttl and capacity must be positive, got " + ttlMillis + " and "
                    + capacity);
        }
        this.ttlMillis = ttlMillis;
        this.capacity = capacity;
    }

    /** Puts {@code value} under {@code key}, replacing any previous one, living from {@code now}. */
    public void put(K key, V value, long now) {
        entries.remove(key);
        makeRoom(now);
        entries.put(key, new Timed<>(value, now + ttlMillis));
    }

    /** Puts {@code value} unless {@code key} is present and unexpired; returns whether it put it. */
    public boolean putIfAbsent(K key, V value, long now) {
        Timed<V> present = entries.get(key);
        if (present != null && present.expiry() > now) {
            return false;
        }
        put(key, value, now);
        return true;
    }

    /** The value, or {@code null} if absent or expired at {@code now}. */
    public V get(K key, long now) {
        Timed<V> timed = entries.get(key);
        return timed == null || timed.expiry() <= now ? null : timed.value();
    }

    /** Whether {@code key} is present and unexpired at {@code now}. */
    public boolean contains(K key, long now) {
        return get(key, now) != null;
    }

    public void remove(K key) {
        entries.remove(key);
    }

    /** Drops the entries expired at {@code now}; returns how many. */
    public int purge(long now) {
        int removed = 0;
        Iterator<Map.Entry<K, Timed<V>>> iterator = entries.entrySet().iterator();
        while (iterator.hasNext() && iterator.next().getValue().expiry() <= now) {
            iterator.remove();
            removed++;
        }
        return removed;
    }

    /** When the oldest entry expires, or {@link Long#MAX_VALUE} when empty: when {@link #purge} has work. */
    public long nextExpiry() {
        Iterator<Timed<V>> oldest = entries.values().iterator();
        return oldest.hasNext() ? oldest.next().expiry() : Long.MAX_VALUE;
    }

    /** Up to {@code count} entries, most recently put first. */
    public List<Map.Entry<K, V>> newest(int count) {
        List<Map.Entry<K, V>> newest = new ArrayList<>(Math.min(count, entries.size()));
        for (Map.Entry<K, Timed<V>> entry : entries.sequencedEntrySet().reversed()) {
            if (newest.size() == count) {
                break;
            }
            newest.add(Map.entry(entry.getKey(), entry.getValue().value()));
        }
        return newest;
    }

    public int size() {
        return entries.size();
    }

    private void makeRoom(long now) {
        if (entries.size() >= capacity) {
            purge(now);
            if (entries.size() >= capacity) {
                Iterator<K> oldest = entries.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
        }
    }
}
