package org.tomprotocol.store.sqlite;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

import org.sqlite.SQLiteJDBCLoader;
import org.tomprotocol.api.spi.Availability;
import org.tomprotocol.spi.store.Store;
import org.tomprotocol.spi.store.StoreProvider;

/**
 * Provides ToM's default durable store: one SQLite database, {@value StoreFile#NAME}, in the node's data directory,
 * written ahead (WAL) with {@code synchronous=FULL}, so a change is on disk when the call that made it returns and a
 * node killed at any instant loses nothing it had written. A {@link Store#batch() batch} is one transaction: one
 * flush to disk for all of its changes. See {@link SqliteStore} for threads, files and errors. It reads no options.
 */
public final class SqliteStoreProvider implements StoreProvider {
    /** The provider id. */
    public static final String ID = "sqlite";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Availability availability() {
        try {
            SQLiteJDBCLoader.initialize();
            return Availability.AVAILABLE;
        } catch (Exception | LinkageError e) {
            // sqlite-jdbc copies its native library to java.io.tmpdir before loading it: a noexec or full
            // temporary directory shows up here
            return Availability.unavailable("SQLite's native library cannot load (set -Dorg.sqlite.tmpdir to a"
                    + " writable directory that allows executables if java.io.tmpdir does not)", e);
        }
    }

    @Override
    public Store open(Path directory) throws IOException {
        Objects.requireNonNull(directory, "directory");
        Availability availability = availability();
        if (!availability.available()) {
            throw new IOException("the sqlite store cannot run here: " + availability.reason());
        }
        return SqliteStore.open(directory);
    }
}
