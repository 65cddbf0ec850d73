package org.tomprotocol.spi.store;

import java.io.IOException;
import java.nio.file.Path;

import org.tomprotocol.api.Api;
import org.tomprotocol.api.spi.Provider;

/** Provides durable state for nodes that have a data directory. */
@Api(status = Api.Status.INCUBATING, since = "0.1")
public interface StoreProvider extends Provider {
    /** Opens the store kept in {@code directory}, creating the directory and its parents if needed. */
    Store open(Path directory) throws IOException;
}
