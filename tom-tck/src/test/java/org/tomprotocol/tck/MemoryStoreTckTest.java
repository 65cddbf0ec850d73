package org.tomprotocol.tck;

import org.tomprotocol.spi.store.StoreProvider;
import org.tomprotocol.testkit.MemoryStoreProvider;

/**
 * The store suite on the test kit's memory store, which the offline simulation gives its durable nodes. It runs
 * here, not in tom-testkit: tom-tck's tests already depend on the test kit, so the reverse would be a cycle.
 */
class MemoryStoreTckTest extends StoreTck {
    @Override
    protected StoreProvider provider() {
        return new MemoryStoreProvider();
    }
}
