package org.tomprotocol.tck;

import org.tomprotocol.spi.store.StoreProvider;
import org.tomprotocol.tck.fixtures.ReferenceStoreProvider;

/** The store suite on the reference store, until a real store provider runs it in its own module. */
class ReferenceStoreTckTest extends StoreTck {
    @Override
    protected StoreProvider provider() {
        return new ReferenceStoreProvider();
    }
}
