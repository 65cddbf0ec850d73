package org.tomprotocol.spi.store;

import java.io.IOException;
import java.nio.file.Path;

import org.tomprotocol.api.spi.Provider;

/** Provides durable state for nodes that have a data directory. */
public interface StoreProvider extends Provider {
    /** Opens (creating if needed) the store kept in {@code directory}. */
    Store open(Path directory) throws IOException;
}
