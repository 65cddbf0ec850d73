package org.tomprotocol.core.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A set that forgets its least recently added key once {@code capacity} is reached. Single-threaded.
 *
 * @param <K> key type
 */
public final class LruSet<K> {
    private final LinkedHashMap<K, Boolean> keys;

    public LruSet(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.keys = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Adds {@code key}; returns {@code true} if it was absent. */
    public boolean add(K key) {
        return keys.put(key, Boolean.TRUE) == null;
    }

    public boolean contains(K key) {
        return keys.containsKey(key);
    }

    public int size() {
        return keys.size();
    }
}
