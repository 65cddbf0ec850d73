package org.tomprotocol.store.sqlite;

import java.io.IOException;

/**
 * The store file cannot be used as it is: not a SQLite database, another application's, damaged, written by a newer
 * ToM, open in another process or not the owner's alone. The message names the file and what to do; the file is
 * left exactly as it was found.
 */
public final class StoreFileException extends IOException {
    private static final long serialVersionUID = 1L;

    StoreFileException(String message) {
        super(message);
    }

    StoreFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
