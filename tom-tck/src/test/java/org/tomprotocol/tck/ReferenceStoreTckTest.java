package org.tomprotocol.tck;

import org.tomprotocol.spi.store.StoreProvider;
import org.tomprotocol.tck.fixtures.ReferenceStoreProvider;

/** The store suite on the reference store (the SQLite store runs it in tom-store-sqlite). */
class ReferenceStoreTckTest extends StoreTck {
    @Override
    protected StoreProvider provider() {
        return new ReferenceStoreProvider();
    }
}
