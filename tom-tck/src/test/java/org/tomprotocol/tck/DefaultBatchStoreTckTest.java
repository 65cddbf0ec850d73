package org.tomprotocol.tck;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.tomprotocol.spi.store.Store;
import org.tomprotocol.spi.store.StoreProvider;
import org.tomprotocol.tck.fixtures.ReferenceStoreProvider;

/**
 * The store suite on a store that keeps {@link Store#batch()}'s default: the batch checks hold for a store written
 * before batches existed.
 */
class DefaultBatchStoreTckTest extends StoreTck {
    @Override
    protected StoreProvider provider() {
        ReferenceStoreProvider reference = new ReferenceStoreProvider();
        return new StoreProvider() {
            @Override
            public String id() {
                return "default-batch";
            }

            @Override
            public Store open(Path directory) throws IOException {
                return new WithoutItsOwnBatch(reference.open(directory));
            }
        };
    }

    /** Every call but {@code batch()} goes to the reference store. */
    private record WithoutItsOwnBatch(Store store) implements Store {
        @Override
        public void put(String namespace, String key, byte[] value, Instant expiresAt) throws IOException {
            store.put(namespace, key, value, expiresAt);
        }

        @Override
        public Optional<byte[]> get(String namespace, String key, Instant now) throws IOException {
            return store.get(namespace, key, now);
        }

        @Override
        public boolean remove(String namespace, String key) throws IOException {
            return store.remove(namespace, key);
        }

        @Override
        public List<String> keys(String namespace, Instant now) throws IOException {
            return store.keys(namespace, now);
        }

        @Override
        public int purgeExpired(Instant now) throws IOException {
            return store.purgeExpired(now);
        }

        @Override
        public void close() throws IOException {
            store.close();
        }
    }
}
