package org.tomprotocol.spi.store;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.tomprotocol.api.Api;

/**
 * A durable key-value store, in namespaces. Every entry has an expiry and is gone after it (lock 2: nothing
 * outlives 24 hours; the engine never asks for a later expiry). Values may hold ciphertext only: the engine
 * never stores plaintext payloads.
 *
 * <p>The contract, checked by the store TCK ({@code org.tomprotocol.tck.StoreTck}): an entry is expired at
 * {@code now} when {@code now} is not before its expiry. Namespaces and keys are any strings, independent of each
 * other, and never become file names that could reach outside the store's directory. Values are copied in and out.
 * Entries, removals and purges survive closing and opening the store again. Time is always passed in: a store
 * reads no clock.
 *
 * <p>Durability: when {@code put}, {@code remove}, {@code purgeExpired} or {@link Batch#commit()} returns, the change
 * is on stable storage, so a node killed at any instant afterwards still finds it. Writing many changes at once
 * costs one flush to disk with a {@link #batch() batch}, against one each with single calls.
 */
@Api(status = Api.Status.INCUBATING, since = "0.1")
public interface Store extends AutoCloseable {
    /** Stores {@code value} under {@code namespace}/{@code key} until {@code expiresAt}, replacing any previous value. */
    void put(String namespace, String key, byte[] value, Instant expiresAt) throws IOException;

    /** The value, unless absent or expired at {@code now}. */
    Optional<byte[]> get(String namespace, String key, Instant now) throws IOException;

    /** Removes an entry; returns whether it existed. */
    boolean remove(String namespace, String key) throws IOException;

    /** Keys of the unexpired entries of {@code namespace}. */
    List<String> keys(String namespace, Instant now) throws IOException;

    /**
     * Deletes every entry expired at {@code now}, for good: it is gone even for a later {@code get} with an earlier
     * {@code now}, and after a restart. Returns how many.
     */
    int purgeExpired(Instant now) throws IOException;

    /**
     * A new, empty batch of changes to write together: nothing is written before {@link Batch#commit()}; once it
     * returns, all of the batch's changes are durable, and if it throws or the process dies first, a store that
     * overrides this method keeps either all of them or none. Changes apply in the order they were added.
     *
     * <p>The default collects the changes and applies them one by one at commit, after they were all added without
     * error: fine for a store kept in memory, but not all-or-nothing against a crash. A durable store overrides it
     * with one transaction.
     */
    default Batch batch() {
        return new SequentialBatch(this);
    }

    @Override
    void close() throws IOException;

    /**
     * Changes written together by {@link #commit()}. A batch belongs to the thread that fills it; it copies each
     * value when it is added, and is used once: a second {@code commit}, or a change added after it, throws
     * {@link IllegalStateException}.
     */
    @Api(status = Api.Status.INCUBATING, since = "0.1")
    interface Batch {
        /** Adds a {@link Store#put put} of a copy of {@code value}; returns this batch. */
        Batch put(String namespace, String key, byte[] value, Instant expiresAt);

        /** Adds a {@link Store#remove remove}; returns this batch. */
        Batch remove(String namespace, String key);

        /** Writes every change added, in order; when it returns they are durable. */
        void commit() throws IOException;
    }
}
