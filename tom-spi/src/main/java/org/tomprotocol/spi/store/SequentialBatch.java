package org.tomprotocol.spi.store;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** {@link Store#batch()}'s default: the changes kept in memory, then applied one by one with the store's own calls. */
final class SequentialBatch implements Store.Batch {
    private sealed interface Change permits Put, Remove {
        void applyTo(Store store) throws IOException;
    }

    private record Put(String namespace, String key, byte[] value, Instant expiresAt) implements Change {
        @Override
        public void applyTo(Store store) throws IOException {
            store.put(namespace, key, value, expiresAt);
        }
    }

    private record Remove(String namespace, String key) implements Change {
        @Override
        public void applyTo(Store store) throws IOException {
            store.remove(namespace, key);
        }
    }

    private final Store store;
    private final List<Change> changes = new ArrayList<>();
    private boolean committed;

    SequentialBatch(Store store) {
        this.store = store;
    }

    @Override
    public Store.Batch put(String namespace, String key, byte[] value, Instant expiresAt) {
        checkOpen();
        changes.add(new Put(Objects.requireNonNull(namespace, "namespace"), Objects.requireNonNull(key, "key"),
                Objects.requireNonNull(value, "value").clone(), Objects.requireNonNull(expiresAt, "expiresAt")));
        return this;
    }

    @Override
    public Store.Batch remove(String namespace, String key) {
        checkOpen();
        changes.add(new Remove(Objects.requireNonNull(namespace, "namespace"), Objects.requireNonNull(key, "key")));
        return this;
    }

    @Override
    public void commit() throws IOException {
        checkOpen();
        committed = true;
        for (Change change : changes) {
            change.applyTo(store);
        }
    }

    private void checkOpen() {
        if (committed) {
            throw new IllegalStateException("this batch was committed already: start another with Store.batch()");
        }
    }
}
