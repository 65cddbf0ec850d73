package org.tomprotocol.store.sqlite;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.tomprotocol.spi.store.Store;

/** Changes collected by the thread that fills the batch, written by its store in one transaction at commit. */
final class SqliteBatch implements Store.Batch {
    /** One change of a batch, applied inside the batch's transaction. */
    sealed interface Change permits Put, Remove {
        void applyTo(EntryTable entries) throws SQLException;
    }

    private record Put(String namespace, String key, byte[] value, Instant expiresAt) implements Change {
        @Override
        public void applyTo(EntryTable entries) throws SQLException {
            entries.put(namespace, key, value, expiresAt);
        }
    }

    private record Remove(String namespace, String key) implements Change {
        @Override
        public void applyTo(EntryTable entries) throws SQLException {
            entries.remove(namespace, key);
        }
    }

    private final SqliteStore store;
    private final List<Change> changes = new ArrayList<>();
    private boolean committed;

    SqliteBatch(SqliteStore store) {
        this.store = store;
    }

    @Override
    public Store.Batch put(String namespace, String key, byte[] value, Instant expiresAt) {
        checkNotCommitted();
        changes.add(new Put(Objects.requireNonNull(namespace, "namespace"), Objects.requireNonNull(key, "key"),
                Objects.requireNonNull(value, "value").clone(), Objects.requireNonNull(expiresAt, "expiresAt")));
        return this;
    }

    @Override
    public Store.Batch remove(String namespace, String key) {
        checkNotCommitted();
        changes.add(new Remove(Objects.requireNonNull(namespace, "namespace"), Objects.requireNonNull(key, "key")));
        return this;
    }

    @Override
    public void commit() throws IOException {
        checkNotCommitted();
        committed = true;
        if (!changes.isEmpty()) {
            store.commit(changes);
        }
    }

    private void checkNotCommitted() {
        if (committed) {
            throw new IllegalStateException("this batch was committed already: start another with Store.batch()");
        }
    }
}
