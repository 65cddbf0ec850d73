package org.tomprotocol.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.tomprotocol.spi.store.Store;
import org.tomprotocol.spi.store.StoreProvider;

/**
 * A store kept in memory, one per directory, for simulations: a node closed and started again on the same data
 * directory, through the same provider, finds its entries, as it would on disk. The entries live as long as the
 * provider (one simulation), never in a file; the directory itself is created, as a store's {@code open} must.
 * A directory is open at most once at a time, as a store file is locked for its one node.
 *
 * <p>The provider also sees what every node keeps, for measurements: the bytes held by namespace, and how many
 * directories hold a key.
 */
public final class MemoryStoreProvider implements StoreProvider {
    private final Map<Path, MemoryStore.Shelf> shelves = new HashMap<>();

    @Override
    public String id() {
        return "memory";
    }

    @Override
    public synchronized Store open(Path directory) throws IOException {
        Path key = directory.toAbsolutePath().normalize();
        MemoryStore.Shelf shelf = shelves.computeIfAbsent(key, k -> new MemoryStore.Shelf());
        Files.createDirectories(key);
        synchronized (shelf) {
            if (shelf.open) {
                throw new IOException("the memory store of " + key + " is open already: close its node first");
            }
            shelf.open = true;
        }
        return new MemoryStore(key, shelf);
    }

    /** Deletes, in every directory, what expired at {@code now}, as each node's own purge would; returns how many. */
    public synchronized int purgeExpired(Instant now) {
        int purged = 0;
        for (MemoryStore.Shelf shelf : shelves.values()) {
            synchronized (shelf) {
                purged += shelf.purge(now);
            }
        }
        return purged;
    }

    /** Bytes (namespace, key and value) of the entries kept in every directory, by namespace, expired or not. */
    public synchronized Map<String, Long> bytesByNamespace() {
        Map<String, Long> bytes = new TreeMap<>();
        for (MemoryStore.Shelf shelf : shelves.values()) {
            synchronized (shelf) {
                shelf.bytesByNamespace(bytes);
            }
        }
        return bytes;
    }

    /** How many directories keep an entry {@code namespace}/{@code key}, unexpired at {@code now}. */
    public synchronized int holders(String namespace, String key, Instant now) {
        int holders = 0;
        for (MemoryStore.Shelf shelf : shelves.values()) {
            synchronized (shelf) {
                holders += shelf.holds(namespace, key, now) ? 1 : 0;
            }
        }
        return holders;
    }
}
