package org.tomprotocol.core.runtime;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.tomprotocol.spi.store.Store;

/** A store that passes every call to another: tests override what they observe or break. */
class ForwardingStore implements Store {
    private final Store delegate;

    ForwardingStore(Store delegate) {
        this.delegate = delegate;
    }

    @Override
    public void put(String namespace, String key, byte[] value, Instant expiresAt) throws IOException {
        delegate.put(namespace, key, value, expiresAt);
    }

    @Override
    public Optional<byte[]> get(String namespace, String key, Instant now) throws IOException {
        return delegate.get(namespace, key, now);
    }

    @Override
    public boolean remove(String namespace, String key) throws IOException {
        return delegate.remove(namespace, key);
    }

    @Override
    public List<String> keys(String namespace, Instant now) throws IOException {
        return delegate.keys(namespace, now);
    }

    @Override
    public int purgeExpired(Instant now) throws IOException {
        return delegate.purgeExpired(now);
    }

    @Override
    public Batch batch() {
        return delegate.batch();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
