package org.tomprotocol.spi.store;

import java.io.IOException;
import java.util.List;

/** {@link Store#batch()}'s default: the changes kept in memory, then applied one by one with the store's own calls. */
final class SequentialBatch extends CollectingBatch {
    private final Store store;

    SequentialBatch(Store store) {
        this.store = store;
    }

    @Override
    protected void write(List<Change> changes) throws IOException {
        for (Change change : changes) {
            switch (change) {
                case Put put -> store.put(put.namespace(), put.key(), put.value(), put.expiresAt());
                case Remove remove -> store.remove(remove.namespace(), remove.key());
            }
        }
    }
}
