package org.tomprotocol.store.sqlite;

import org.tomprotocol.spi.store.StoreProvider;
import org.tomprotocol.tck.StoreTck;

/** The store TCK on the SQLite store. */
class SqliteStoreTckTest extends StoreTck {
    @Override
    protected StoreProvider provider() {
        return new SqliteStoreProvider();
    }
}
