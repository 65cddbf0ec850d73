package org.tomprotocol.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tomprotocol.spi.store.Store;

/**
 * One node's view of its directory's entries in a {@link MemoryStoreProvider}. Every call is applied at once and
 * is as durable as the provider: the default batch (changes applied one by one at commit) suffices, since nothing
 * can die between them.
 */
final class MemoryStore implements Store {
    /** The entries of one directory; every access holds its lock. */
    static final class Shelf {
        private final Map<String, Map<String, Entry>> namespaces = new HashMap<>();
        boolean open;

        int purge(Instant now) {
            int purged = 0;
            for (Iterator<Map<String, Entry>> spaces = namespaces.values().iterator(); spaces.hasNext(); ) {
                Map<String, Entry> entries = spaces.next();
                for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
                    if (it.next().expiredAt(now)) {
                        it.remove();
                        purged++;
                    }
                }
                if (entries.isEmpty()) {
                    spaces.remove();
                }
            }
            return purged;
        }

        void bytesByNamespace(Map<String, Long> bytes) {
            namespaces.forEach((namespace, entries) -> entries.forEach((key, entry) -> bytes.merge(namespace,
                    (long) utf8(namespace) + utf8(key) + entry.value().length, Long::sum)));
        }

        boolean holds(String namespace, String key, Instant now) {
            Entry entry = namespaces.getOrDefault(namespace, Map.of()).get(key);
            return entry != null && !entry.expiredAt(now);
        }

        private static int utf8(String text) {
            return text.getBytes(StandardCharsets.UTF_8).length;
        }
    }

    private record Entry(byte[] value, Instant expiresAt) {
        boolean expiredAt(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }

    private final Path directory;
    private final Shelf shelf;
    private boolean closed;

    MemoryStore(Path directory, Shelf shelf) {
        this.directory = directory;
        this.shelf = shelf;
    }

    @Override
    public void put(String namespace, String key, byte[] value, Instant expiresAt) throws IOException {
        Entry entry = new Entry(value.clone(), java.util.Objects.requireNonNull(expiresAt, "expiresAt"));
        synchronized (shelf) {
            checkOpen();
            shelf.namespaces.computeIfAbsent(namespace, n -> new HashMap<>()).put(key, entry);
        }
    }

    @Override
    public Optional<byte[]> get(String namespace, String key, Instant now) throws IOException {
        synchronized (shelf) {
            checkOpen();
            Entry entry = shelf.namespaces.getOrDefault(namespace, Map.of()).get(key);
            return entry == null || entry.expiredAt(now) ? Optional.empty() : Optional.of(entry.value().clone());
        }
    }

    @Override
    public boolean remove(String namespace, String key) throws IOException {
        synchronized (shelf) {
            checkOpen();
            Map<String, Entry> entries = shelf.namespaces.get(namespace);
            return entries != null && entries.remove(key) != null;
        }
    }

    @Override
    public List<String> keys(String namespace, Instant now) throws IOException {
        synchronized (shelf) {
            checkOpen();
            List<String> keys = new ArrayList<>();
            shelf.namespaces.getOrDefault(namespace, Map.of()).forEach((key, entry) -> {
                if (!entry.expiredAt(now)) {
                    keys.add(key);
                }
            });
            return keys;
        }
    }

    @Override
    public int purgeExpired(Instant now) throws IOException {
        synchronized (shelf) {
            checkOpen();
            return shelf.purge(now);
        }
    }

    @Override
    public void close() {
        synchronized (shelf) {
            if (!closed) {
                closed = true;
                shelf.open = false;
            }
        }
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new IOException("the memory store of " + directory + " is closed");
        }
    }
}
