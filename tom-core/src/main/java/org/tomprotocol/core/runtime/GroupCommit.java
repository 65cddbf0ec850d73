package org.tomprotocol.core.runtime;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.tomprotocol.spi.store.Store;

/**
 * Writes from many threads into one namespace of a store, each returning once its entry is durable, with one flush
 * for all the entries that came while the previous flush ran (group commit): the first waiting writer to get the
 * flush writes everyone's entries queued so far in one batch, and those it wrote return without flushing again.
 * Under concurrent sends, the cost of a disk flush is shared instead of paid by each.
 */
final class GroupCommit {
    private final Store store;
    private final String namespace;
    private final ReentrantLock flushing = new ReentrantLock();
    private final Object queueLock = new Object();
    private List<Pending> queued = new ArrayList<>();

    /** One entry waiting for a flush; the flush that wrote it sets {@code written} or {@code failure}. */
    private static final class Pending {
        final String key;
        final byte[] value;
        final Instant expiresAt;
        volatile boolean written;
        volatile IOException failure;

        Pending(String key, byte[] value, Instant expiresAt) {
            this.key = key;
            this.value = value;
            this.expiresAt = expiresAt;
        }
    }

    GroupCommit(Store store, String namespace) {
        this.store = store;
        this.namespace = namespace;
    }

    /** Stores {@code value} under {@code key}; returns once it is durable. */
    void put(String key, byte[] value, Instant expiresAt) throws IOException {
        Pending mine = new Pending(key, value, expiresAt);
        synchronized (queueLock) {
            queued.add(mine);
        }
        flushing.lock();
        try {
            if (!mine.written && mine.failure == null) {
                flushQueued();
            }
        } finally {
            flushing.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    private void flushQueued() {
        List<Pending> batch;
        synchronized (queueLock) {
            batch = queued;
            queued = new ArrayList<>();
        }
        try {
            Store.Batch writes = store.batch();
            for (Pending pending : batch) {
                writes.put(namespace, pending.key, pending.value, pending.expiresAt);
            }
            writes.commit();
            batch.forEach(pending -> pending.written = true);
        } catch (IOException | RuntimeException e) {
            IOException failure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            batch.forEach(pending -> pending.failure = failure);
        }
    }
}
