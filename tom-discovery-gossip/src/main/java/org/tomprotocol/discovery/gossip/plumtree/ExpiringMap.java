package org.tomprotocol.discovery.gossip.plumtree;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bounded map whose entries expire a fixed time after insertion. Since every entry lives equally long,
 * insertion order is expiry order and both expiry and overflow drop from the head.
 */
final class ExpiringMap<K, V> {
    private record Entry<V>(V value, long expiresAt) {
    }

    private final LinkedHashMap<K, Entry<V>> entries = new LinkedHashMap<>();
    private final long lifetimeMillis;
    private final int capacity;

    ExpiringMap(long lifetimeMillis, int capacity) {
        this.lifetimeMillis = lifetimeMillis;
        this.capacity = capacity;
    }

    /** Adds {@code key} unless present; the oldest entry makes room when full. */
    void add(K key, V value, long now) {
        if (entries.containsKey(key)) {
            return;
        }
        if (entries.size() >= capacity) {
            Iterator<K> oldest = entries.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        entries.put(key, new Entry<>(value, now + lifetimeMillis));
    }

    boolean contains(K key) {
        return entries.containsKey(key);
    }

    V get(K key) {
        Entry<V> entry = entries.get(key);
        return entry == null ? null : entry.value();
    }

    /** Drops every entry expired at {@code now}. */
    void expire(long now) {
        Iterator<Map.Entry<K, Entry<V>>> iterator = entries.entrySet().iterator();
        while (iterator.hasNext() && iterator.next().getValue().expiresAt() <= now) {
            iterator.remove();
        }
    }

    /** When the oldest entry expires, or {@link Long#MAX_VALUE} when empty. */
    long nextExpiry() {
        if (entries.isEmpty()) {
            return Long.MAX_VALUE;
        }
        return entries.values().iterator().next().expiresAt();
    }

    /** Up to {@code count} entries, newest first. */
    List<Map.Entry<K, V>> newest(int count) {
        List<Map.Entry<K, V>> newest = new ArrayList<>(Math.min(count, entries.size()));
        for (Map.Entry<K, Entry<V>> entry : entries.sequencedEntrySet().reversed()) {
            if (newest.size() == count) {
                break;
            }
            newest.add(Map.entry(entry.getKey(), entry.getValue().value()));
        }
        return newest;
    }

    int size() {
        return entries.size();
    }
}
