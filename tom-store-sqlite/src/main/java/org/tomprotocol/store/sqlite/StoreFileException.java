package org.tomprotocol.store.sqlite;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The store file cannot be used as it is: not a SQLite database, another application's, damaged, written by a newer
 * ToM, open in another process or not the owner's alone. The message names the file and what to do; the file is
 * left exactly as it was found.
 */
public final class StoreFileException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    StoreFileException(Path file, String message) {
        super(message);
        this.file = file;
    }

    StoreFileException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The store file. */
    public Path file() {
        return file;
    }
}
