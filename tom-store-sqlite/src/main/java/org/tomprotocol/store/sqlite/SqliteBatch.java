package org.tomprotocol.store.sqlite;

import java.io.IOException;
import java.util.List;

import org.tomprotocol.spi.store.CollectingBatch;

/** Changes collected by the thread that fills the batch, written by its store in one transaction at commit. */
final class SqliteBatch extends CollectingBatch {
    private final SqliteStore store;

    SqliteBatch(SqliteStore store) {
        this.store = store;
    }

    @Override
    protected void write(List<Change> changes) throws IOException {
        store.commit(changes);
    }
}
