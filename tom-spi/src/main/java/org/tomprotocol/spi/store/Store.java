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

    @Override
    void close() throws IOException;
}
