package org.tomprotocol.spi.state;

import org.tomprotocol.api.Api;

/**
 * Remembers keys for a fixed time, holding at most {@code capacity} of them (an {@link ExpiringMap} without
 * values). The time is passed in. Not thread-safe.
 *
 * @param <K> key type
 */
@Api(status = Api.Status.INCUBATING, since = "0.1")
public final class ExpiringSet<K> {
    private final ExpiringMap<K, Boolean> keys;

    public ExpiringSet(long ttlMillis, int capacity) {
        this.keys = new ExpiringMap<>(ttlMillis, capacity);
    }

    /** Whether {@code key} was added less than the ttl before {@code now}. */
    public boolean contains(K key, long now) {
        return keys.contains(key, now);
    }

    /** Adds {@code key} unless present; returns {@code true} if it was not present (a first sighting). */
    public boolean add(K key, long now) {
        return keys.putIfAbsent(key, Boolean.TRUE, now);
    }

    /** Forgets {@code key}; returns whether it was there, unexpired, at {@code now}. */
    public boolean remove(K key, long now) {
        boolean present = keys.contains(key, now);
        keys.remove(key);
        return present;
    }

    /** Drops expired keys; returns how many. */
    public int purge(long now) {
        return keys.purge(now);
    }

    public int size() {
        return keys.size();
    }
}
